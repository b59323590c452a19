//! The ZIP a managed-service console hands out: reading members within limits, parsing each like
//! a file, using the members of the best format and noting the others.

use super::{
    parse_bytes, unsupported, Ctx, InputFormat, Origin, ParsedInput, RejectKind, MAX_ENTRIES,
    MAX_ZIP_MEMBERS, MAX_ZIP_MEMBER_BYTES, MAX_ZIP_TOTAL_BYTES,
};

use crate::tr;

/// One ZIP member that was read and parsed.
struct ZipMember {
    name: String,
    parsed: ParsedInput,
}

/// A ZIP as a managed-service console hands it out: parses each member, then keeps the members
/// of the best format (see [`choose_zip_members`]).
pub(super) fn parse_zip(ctx: Ctx<'_>, bytes: &[u8], out: &mut ParsedInput) {
    if ctx.zip_member.is_some() {
        let kind = unsupported(&tr!("pki-format-nested-zip"), &tr!("pki-nested-zip-detail"));
        return out.reject(ctx.origin(), kind);
    }
    let mut archive = match zip::ZipArchive::new(std::io::Cursor::new(bytes)) {
        Ok(archive) => archive,
        Err(e) => {
            let detail = tr!("pki-zip-damaged", error = e.to_string());
            return out.reject(ctx.origin(), RejectKind::ParseError { detail });
        }
    };
    if archive.len() > MAX_ZIP_MEMBERS {
        let kind = RejectKind::Unsupported {
            format: tr!(
                "pki-format-zip-with-members",
                count = archive.len().to_string()
            ),
            detail: tr!(
                "pki-zip-too-many-members",
                max = MAX_ZIP_MEMBERS.to_string()
            ),
        };
        return out.reject(ctx.origin(), kind);
    }
    let members = read_zip_members(ctx.file, &mut archive, out);
    choose_zip_members(ctx, members, out);
}

fn member_origin(file: &str, member: &str) -> Origin {
    Origin {
        zip_member: Some(member.to_string()),
        ..Origin::file(file)
    }
}

/// Reads and parses every member; directories are skipped, macOS metadata gets a note.
fn read_zip_members<R: std::io::Read + std::io::Seek>(
    file: &str,
    archive: &mut zip::ZipArchive<R>,
    out: &mut ParsedInput,
) -> Vec<ZipMember> {
    let mut budget = MAX_ZIP_TOTAL_BYTES;
    let mut members: Vec<ZipMember> = Vec::new();
    let mut entries: usize = 0;
    for index in 0..archive.len() {
        if entries > MAX_ENTRIES {
            out.over_entry_limit = true;
            break;
        }
        let name = archive.name_for_index(index).map_or_else(
            || tr!("pki-zip-member-unnamed", number = (index + 1).to_string()),
            printable_name,
        );
        if name.ends_with('/') || name.ends_with('\\') {
            continue;
        }
        if is_macos_metadata(&name) {
            out.note(member_origin(file, &name), tr!("pki-zip-macos-metadata"));
            continue;
        }
        let mut parsed = ParsedInput::default();
        match read_zip_member(archive, index, &mut budget) {
            Ok(data) => parse_bytes(
                Ctx {
                    file,
                    zip_member: Some(&name),
                },
                &data,
                &mut parsed,
            ),
            Err(kind) => parsed.reject(member_origin(file, &name), kind),
        }
        entries = entries.saturating_add(parsed.entries());
        out.over_entry_limit |= parsed.over_entry_limit;
        members.push(ZipMember { name, parsed });
    }
    members
}

/// A member name fit to print: control characters (terminal escapes) become U+FFFD and a very
/// long name is cut.
fn printable_name(name: &str) -> String {
    name.chars()
        .take(256)
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect()
}

fn is_macos_metadata(name: &str) -> bool {
    name.starts_with("__MACOSX/") || name.rsplit('/').next() == Some(".DS_Store")
}

/// The bytes of one member, read with a size cap; `budget` is what the whole ZIP may still
/// expand to.
fn read_zip_member<R: std::io::Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
    index: usize,
    budget: &mut u64,
) -> Result<Vec<u8>, RejectKind> {
    use std::io::Read;

    let member = archive.by_index(index).map_err(zip_member_error)?;
    let limit = MAX_ZIP_MEMBER_BYTES.min(*budget);
    let mut data = Vec::new();
    member
        .take(limit.saturating_add(1))
        .read_to_end(&mut data)
        .map_err(|e| RejectKind::ParseError {
            detail: tr!("pki-zip-member-undecompressable", error = e.to_string()),
        })?;
    let read = u64::try_from(data.len()).unwrap_or(u64::MAX);
    if read > MAX_ZIP_MEMBER_BYTES {
        return Err(unsupported(
            &tr!("pki-format-zip-member-too-large"),
            &tr!("pki-zip-member-too-large-detail"),
        ));
    }
    if read > *budget {
        return Err(unsupported(
            &tr!("pki-format-zip-too-large"),
            &tr!("pki-zip-too-large-detail"),
        ));
    }
    *budget = budget.saturating_sub(read);
    Ok(data)
}

fn zip_member_error(e: zip::result::ZipError) -> RejectKind {
    match e {
        zip::result::ZipError::UnsupportedArchive(what) => RejectKind::Unsupported {
            format: tr!("pki-format-zip-member-unsupported", what = what),
            detail: tr!("pki-zip-member-unsupported-detail"),
        },
        other => RejectKind::ParseError {
            detail: tr!("pki-zip-member-unreadable", error = other.to_string()),
        },
    }
}

/// How much a certificate's container is preferred inside a ZIP: lower is better.
fn format_rank(format: Option<InputFormat>) -> u8 {
    match format {
        Some(InputFormat::Pem) => 0,
        Some(InputFormat::Pkcs7Pem | InputFormat::Pkcs7Der) => 1,
        Some(InputFormat::Der) => 2,
        None => 3,
    }
}

/// The best rank among a member's certificates; `None` when it yielded none.
fn member_rank(parsed: &ParsedInput) -> Option<u8> {
    parsed
        .certs
        .iter()
        .map(|c| format_rank(c.origin.format))
        .min()
}

/// Uses the members whose certificates come in the best format (PEM, else PKCS#7, else DER);
/// notes every other member, keeping private keys as rejections. When no member yields a
/// certificate, every member's rejections are reported.
fn choose_zip_members(ctx: Ctx<'_>, members: Vec<ZipMember>, out: &mut ParsedInput) {
    if members.is_empty() {
        return out.reject(ctx.origin(), RejectKind::Empty);
    }
    let Some(best) = members.iter().filter_map(|m| member_rank(&m.parsed)).min() else {
        members.into_iter().for_each(|m| out.merge(m.parsed));
        return;
    };
    let used: Vec<&ZipMember> = members
        .iter()
        .filter(|m| member_rank(&m.parsed) == Some(best))
        .collect();
    let used_names = used
        .iter()
        .map(|m| m.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let used_ders: std::collections::HashSet<&[u8]> = used
        .iter()
        .flat_map(|m| m.parsed.certs.iter().map(|c| c.der.as_slice()))
        .collect();
    let notes: Vec<Option<String>> = members
        .iter()
        .map(|m| {
            (member_rank(&m.parsed) != Some(best))
                .then(|| unused_member_note(m, &used_names, &used_ders))
        })
        .collect();
    for (member, unused_note) in members.into_iter().zip(notes) {
        let origin = member_origin(ctx.file, &member.name);
        match unused_note {
            None => {
                out.note(
                    origin,
                    tr!("pki-zip-member-used", member = member.name.as_str()),
                );
                out.merge(member.parsed);
            }
            Some(note) => {
                out.note(origin, note);
                out.rejected.extend(
                    (member.parsed.rejected.into_iter())
                        .filter(|r| matches!(r.kind, RejectKind::PrivateKey { .. })),
                );
            }
        }
    }
}

/// "not used: …" for a member that [`choose_zip_members`] leaves out.
fn unused_member_note(
    member: &ZipMember,
    used_names: &str,
    used_ders: &std::collections::HashSet<&[u8]>,
) -> String {
    let certs = &member.parsed.certs;
    let what = describe_member(&member.parsed);
    if certs.is_empty() {
        return tr!("pki-zip-member-unused", what = what, used = used_names);
    }
    let missing = certs
        .iter()
        .filter(|c| !used_ders.contains(c.der.as_slice()))
        .count();
    if missing == 0 {
        tr!(
            "pki-zip-member-unused-same",
            what = what,
            count = certs.len(),
            used = used_names,
        )
    } else {
        tr!(
            "pki-zip-member-unused-other",
            what = what,
            count = missing,
            used = used_names,
        )
    }
}

/// A short name for what a member holds.
fn describe_member(parsed: &ParsedInput) -> String {
    let format = parsed
        .certs
        .iter()
        .map(|c| c.origin.format)
        .min_by_key(|f| format_rank(*f));
    if let Some(format) = format {
        return match format {
            Some(InputFormat::Pem) => tr!("pki-zip-holds-pem"),
            Some(InputFormat::Der) => tr!("pki-zip-holds-der"),
            Some(InputFormat::Pkcs7Pem) => tr!("pki-zip-holds-pkcs7-pem"),
            Some(InputFormat::Pkcs7Der) => tr!("pki-zip-holds-pkcs7-der"),
            None => tr!("pki-zip-holds-certificates"),
        };
    }
    match parsed.rejected.first().map(|r| &r.kind) {
        Some(RejectKind::Unsupported { format, .. }) => format.clone(),
        Some(RejectKind::ParseError { detail }) => {
            tr!("pki-zip-holds-unreadable", detail = detail.as_str())
        }
        Some(RejectKind::PrivateKey { label }) => {
            tr!("pki-zip-holds-private-key", label = label.as_str())
        }
        Some(RejectKind::NotACertificate { label }) => label.clone(),
        Some(RejectKind::Empty) | None => tr!("pki-zip-holds-nothing"),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use crate::pki::bundle::test_support::{
        cert_der, only_rejection, parse_error_detail, pem, pkcs7, self_signed, unsupported_format,
        zip_of, BROKEN_BLOCK, JKS,
    };
    use crate::pki::bundle::{parse_input, InputFormat, ParsedInput, RejectKind, MAX_ENTRIES};

    fn note_for<'a>(parsed: &'a ParsedInput, member: &str) -> &'a str {
        parsed
            .notes
            .iter()
            .find(|(origin, _)| origin.zip_member.as_deref() == Some(member))
            .map(|(_, text)| text.as_str())
            .unwrap_or_else(|| panic!("no note for {member}: {parsed:?}"))
    }

    #[test]
    fn zip_from_a_console_uses_the_pem_member() {
        let (a, b) = (cert_der("a.example"), cert_der("b.example"));
        let chain_pem = format!("{}{}", pem("CERTIFICATE", &a), pem("CERTIFICATE", &b));
        let bytes = zip_of(&[
            ("ApsaraDB-CA-Chain/", b""),
            ("ApsaraDB-CA-Chain/ApsaraDB-CA-Chain.jks", JKS),
            ("ApsaraDB-CA-Chain/ApsaraDB-CA-Chain.p7b", &pkcs7(&[&a, &b])),
            (
                "ApsaraDB-CA-Chain/ApsaraDB-CA-Chain.pem",
                chain_pem.as_bytes(),
            ),
        ]);
        let parsed = parse_input("ApsaraDB-CA-Chain.zip", &bytes);
        assert!(parsed.rejected.is_empty(), "{parsed:?}");
        let ders: Vec<_> = parsed.certs.iter().map(|c| c.der.clone()).collect();
        assert_eq!(ders, [a, b]);
        let origin = &parsed.certs[1].origin;
        let second_line = pem("CERTIFICATE", &ders[0]).lines().count() + 1;
        assert_eq!(
            origin.to_string(),
            format!(
                "ApsaraDB-CA-Chain.zip:ApsaraDB-CA-Chain/ApsaraDB-CA-Chain.pem block 2 (line \
                 {second_line})"
            )
        );
        assert_eq!(parsed.notes.len(), 3, "{parsed:?}");
        assert_eq!(
            note_for(&parsed, "ApsaraDB-CA-Chain/ApsaraDB-CA-Chain.pem"),
            "used ZIP member ApsaraDB-CA-Chain/ApsaraDB-CA-Chain.pem"
        );
        assert_eq!(
            note_for(&parsed, "ApsaraDB-CA-Chain/ApsaraDB-CA-Chain.p7b"),
            "not used: PKCS#7 bundle (DER); the same 2 certificates are read from \
             ApsaraDB-CA-Chain/ApsaraDB-CA-Chain.pem"
        );
        assert_eq!(
            note_for(&parsed, "ApsaraDB-CA-Chain/ApsaraDB-CA-Chain.jks"),
            "not used: Java keystore (JKS); the certificates are read from \
             ApsaraDB-CA-Chain/ApsaraDB-CA-Chain.pem"
        );
        assert!(parsed
            .notes
            .iter()
            .all(|(o, _)| o.zip_member.as_deref() != Some("ApsaraDB-CA-Chain/")));
    }

    #[test]
    fn zip_with_only_a_keystore_reports_the_member() {
        let bytes = zip_of(&[("ca.jks", JKS), ("README.txt", b"Import into Java.\n")]);
        let parsed = parse_input("ca.zip", &bytes);
        assert!(parsed.certs.is_empty());
        assert_eq!(parsed.rejected.len(), 2, "{parsed:?}");
        let jks = &parsed.rejected[0];
        assert_eq!(jks.origin.file, "ca.zip");
        assert_eq!(jks.origin.zip_member.as_deref(), Some("ca.jks"));
        assert_eq!(unsupported_format(&jks.kind), "Java keystore (JKS)");
        let RejectKind::Unsupported { detail, .. } = &jks.kind else {
            unreachable!()
        };
        assert!(detail.contains("-keystore ca.jks"), "{detail}");
        assert_eq!(
            unsupported_format(&parsed.rejected[1].kind),
            "text without any PEM block"
        );
    }

    #[test]
    fn zip_prefers_pkcs7_over_der_and_says_what_differs() {
        let (a, b) = (cert_der("a.example"), cert_der("b.example"));
        let bytes = zip_of(&[("other.der", &b), ("chain.p7b", &pkcs7(&[&a]))]);
        let parsed = parse_input("ca.zip", &bytes);
        assert!(parsed.rejected.is_empty(), "{parsed:?}");
        assert_eq!(parsed.certs.len(), 1);
        assert_eq!(parsed.certs[0].der, a);
        assert_eq!(parsed.certs[0].origin.format, Some(InputFormat::Pkcs7Der));
        let note = note_for(&parsed, "other.der");
        assert!(
            note.starts_with(
                "not used: DER certificate, although 1 certificate is not in chain.p7b"
            ),
            "{note}"
        );
    }

    #[test]
    fn zip_keeps_private_keys_as_rejections() {
        let key = self_signed("a.example");
        let bytes = zip_of(&[
            ("server.pem", key.cert.pem().as_bytes()),
            ("server.key", key.key_pair.serialize_pem().as_bytes()),
        ]);
        let parsed = parse_input("bundle.zip", &bytes);
        assert_eq!(parsed.certs.len(), 1);
        assert_eq!(parsed.rejected.len(), 1);
        assert_eq!(
            parsed.rejected[0].origin.zip_member.as_deref(),
            Some("server.key")
        );
        assert!(matches!(
            parsed.rejected[0].kind,
            RejectKind::PrivateKey { .. }
        ));
    }

    #[test]
    fn zip_inside_zip_and_macos_metadata() {
        let inner = zip_of(&[(
            "ca.pem",
            pem("CERTIFICATE", &cert_der("a.example")).as_bytes(),
        )]);
        let bytes = zip_of(&[
            ("inner.zip", &inner),
            ("__MACOSX/._inner.zip", b"\0\x05\x16\x07"),
        ]);
        let parsed = parse_input("outer.zip", &bytes);
        let rejected = only_rejection(&parsed);
        assert_eq!(rejected.origin.zip_member.as_deref(), Some("inner.zip"));
        assert_eq!(unsupported_format(&rejected.kind), "ZIP inside a ZIP");
        assert!(note_for(&parsed, "__MACOSX/._inner.zip").contains("macOS"));
    }

    #[test]
    fn zip_members_are_parsed_like_files() {
        let bytes = zip_of(&[
            ("empty.pem", b""),
            ("bad.pem", b"-----BEGIN CERTIFICATE-----\n"),
        ]);
        let parsed = parse_input("x.zip", &bytes);
        assert_eq!(parsed.rejected.len(), 2);
        assert_eq!(parsed.rejected[0].kind, RejectKind::Empty);
        assert_eq!(parsed.rejected[1].origin.block, Some(1));
        assert_eq!(
            parsed.rejected[1].origin.zip_member.as_deref(),
            Some("bad.pem")
        );
    }

    #[test]
    fn zip_member_names_cannot_inject_terminal_escapes() {
        let bytes = zip_of(&[("\u{1b}[2Jca.pem", b"")]);
        let parsed = parse_input("x.zip", &bytes);
        let member = only_rejection(&parsed).origin.zip_member.clone().unwrap();
        assert_eq!(member, "\u{FFFD}[2Jca.pem");
    }

    #[test]
    fn zip_without_files_is_empty() {
        let parsed = parse_input("x.zip", &zip_of(&[("dir/", b"")]));
        assert_eq!(only_rejection(&parsed).kind, RejectKind::Empty);
    }

    #[test]
    fn corrupt_zip() {
        let mut bytes = zip_of(&[("ca.pem", pem("CERTIFICATE", &cert_der("a")).as_bytes())]);
        bytes.truncate(bytes.len() - 10);
        let parsed = parse_input("x.zip", &bytes);
        let detail = parse_error_detail(&only_rejection(&parsed).kind);
        assert!(detail.contains("ZIP archive is damaged"), "{detail}");
    }

    #[test]
    fn zip_whose_members_hold_more_than_the_limit_together_is_over_it() {
        let half = BROKEN_BLOCK.repeat(MAX_ENTRIES / 2 + 1);
        let zip = zip_of(&[("a.pem", half.as_bytes()), ("b.pem", half.as_bytes())]);
        assert!(parse_input("ca.zip", &zip).over_entry_limit);
        let zip = zip_of(&[("a.pem", half.as_bytes())]);
        assert!(!parse_input("ca.zip", &zip).over_entry_limit);
    }
}
