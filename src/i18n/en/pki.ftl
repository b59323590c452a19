# English messages: pki. Ids are area-what-detail; see src/i18n/mod.rs for the conventions.
