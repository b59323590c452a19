//! MongoDB connection strings: parsing, options, redaction. (Being written.)
