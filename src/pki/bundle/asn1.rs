//! A minimal BER/DER header reader: enough to recognise a structure by its shape without
//! decoding it.

/// One BER/DER header: one-byte tag, header length, content length (`None`: indefinite).
pub(super) struct Header {
    tag: u8,
    pub(super) header_len: usize,
    pub(super) len: Option<usize>,
}

/// Reads a header with a one-byte tag; `None` when there is none or it is malformed.
pub(super) fn read_header(bytes: &[u8]) -> Option<Header> {
    let tag = *bytes.first()?;
    if tag & 0x1F == 0x1F {
        return None;
    }
    let first = *bytes.get(1)?;
    if first < 0x80 {
        return Some(Header {
            tag,
            header_len: 2,
            len: Some(usize::from(first)),
        });
    }
    let count = usize::from(first & 0x7F);
    if count == 0 {
        return Some(Header {
            tag,
            header_len: 2,
            len: None,
        });
    }
    if count > 4 {
        return None;
    }
    let mut len: usize = 0;
    for byte in bytes.get(2..2 + count)? {
        len = len.checked_mul(256)?.checked_add(usize::from(*byte))?;
    }
    Some(Header {
        tag,
        header_len: 2 + count,
        len: Some(len),
    })
}

/// The `(tag, content)` children of a definite-length element that fills `bytes` exactly.
pub(super) fn der_children(bytes: &[u8]) -> Option<Vec<(u8, &[u8])>> {
    let outer = read_header(bytes)?;
    let end = outer.header_len.checked_add(outer.len?)?;
    if end != bytes.len() {
        return None;
    }
    let mut rest = bytes.get(outer.header_len..)?;
    let mut children = Vec::new();
    while !rest.is_empty() {
        let header = read_header(rest)?;
        let end = header.header_len.checked_add(header.len?)?;
        children.push((header.tag, rest.get(header.header_len..end)?));
        rest = rest.get(end..)?;
    }
    Some(children)
}

/// The content of the first element, when it is the element that starts `bytes`.
pub(super) fn skip_header(bytes: &[u8], tag: u8) -> Option<&[u8]> {
    let header = read_header(bytes)?;
    (header.tag == tag).then_some(())?;
    bytes.get(header.header_len..)
}
