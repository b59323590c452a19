//! Reading input files from disk (the only I/O of the PKI engine), with size caps and errors
//! that say which file and how to fix it.
