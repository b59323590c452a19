//! MongoDB wire protocol: OP_MSG, OP_QUERY and OP_REPLY encoding and decoding on byte slices,
//! size-capped, plus the `hello` reply. (Being written.)
