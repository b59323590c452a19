# English messages: bench. Ids are area-what-detail; see src/i18n/mod.rs for the conventions.

## Output files (--plot, --export-json), checked before anything is measured.
bench-output-is-a-folder = this is a folder: name a file in it, e.g. { $example }
bench-output-no-folder = the folder { $folder } does not exist: create it first, or choose another path
bench-output-parent-not-a-folder = { $folder } is not a folder
bench-output-permission-denied = cannot write there: permission denied in the folder { $folder }
bench-export-json-extension = writes JSON, not .{ $extension }: give a path ending in .json (--format markdown or csv prints those formats)
bench-plot-png-refused = plots are drawn as SVG only, not PNG: give { $svg }, and convert it if you need a bitmap, e.g. rsvg-convert -o { $path } { $svg }
bench-plot-extension-unknown = cannot draw .{ $extension } files: give a path ending in .svg
bench-plot-extension-missing = the plot's format comes from the file's extension: give a path ending in .svg
bench-plot-skipped = no plot written to { $path }: nothing was measured
bench-wrote-plot = wrote the plot to { $path } ({ $format }, { $size })
bench-wrote-json = wrote the JSON report to { $path } ({ $size })
