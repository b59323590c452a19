# English messages: sandbox. Ids are area-what-detail; see src/i18n/mod.rs for the conventions.

## mongotls sandbox and demo (src/commands/sandbox.rs).
sandbox-ready-file-not-a-file = --ready-file names a directory, not a file
sandbox-demo-ca-kept = mongotls demo: the sandbox has stopped; its CA file is kept at { $path }
sandbox-demo-ca-removed = mongotls demo: the sandbox has stopped and its files are removed, the CA file { $path } with them; pass --keep-ca DIR to keep a copy, or run `mongotls sandbox` to keep a sandbox running
