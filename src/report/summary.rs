//! The answer of a report in numbers: how many findings of each severity, and each code with
//! where it was found (which members, the set, the driver; which certificates). The text
//! renderer ends every report with it and JSON carries it as `summary`, both built here from
//! the report's own findings, so they cannot disagree with each other or with the verdict.

use serde::Serialize;

use super::{CaReport, CheckReport, VerifyReport};
use crate::findings::{Code, Finding, Severity};

/// Findings counted by severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// `fail` findings.
    pub fail: usize,
    /// `warn` findings.
    pub warn: usize,
    /// `info` findings.
    pub info: usize,
}

impl Counts {
    /// The counts of `findings`.
    pub fn of<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Counts {
        let mut c = Counts::default();
        for f in findings {
            match f.severity {
                Severity::Fail => c.fail += 1,
                Severity::Warn => c.warn += 1,
                Severity::Info => c.info += 1,
            }
        }
        c
    }
}

/// Where a finding of `check` was made: `set` and `driver` in JSON, or a member's address.
pub const SET: &str = "set";
/// See [`SET`].
pub const DRIVER: &str = "driver";

/// `summary` of `check` (and `demo`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CheckSummary {
    /// Members checked.
    pub members: usize,
    /// Members with at least one `fail` finding.
    pub failing_members: usize,
    /// Every finding of the run (members', set's, driver's) by severity.
    pub counts: Counts,
    /// Each code found, worst severity first, then by code.
    pub codes: Vec<MemberCode>,
}

/// One code of [`CheckSummary::codes`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MemberCode {
    /// The finding code.
    pub code: Code,
    /// Its severity.
    pub severity: Severity,
    /// How many findings carry it.
    pub count: usize,
    /// Where: member addresses in report order, then `set` and `driver`.
    pub members: Vec<String>,
}

impl MemberCode {
    /// The member addresses among [`MemberCode::members`] (not `set` or `driver`).
    pub fn member_addresses(&self) -> impl Iterator<Item = &str> {
        self.members
            .iter()
            .map(String::as_str)
            .filter(|m| *m != SET && *m != DRIVER)
    }

    /// Found at set level.
    pub fn on_set(&self) -> bool {
        self.members.iter().any(|m| m == SET)
    }

    /// Found by the driver stage.
    pub fn in_driver(&self) -> bool {
        self.members.iter().any(|m| m == DRIVER)
    }
}

/// Groups `(place, finding)` pairs by code and severity, worst first.
fn group<'a, P: Clone + PartialEq>(
    found: impl IntoIterator<Item = (P, &'a Finding)>,
) -> Vec<(Code, Severity, usize, Vec<P>)> {
    let mut groups: Vec<(Code, Severity, usize, Vec<P>)> = Vec::new();
    for (place, f) in found {
        match groups
            .iter_mut()
            .find(|(c, s, _, _)| *c == f.code && *s == f.severity)
        {
            Some((_, _, count, places)) => {
                *count += 1;
                if !places.contains(&place) {
                    places.push(place);
                }
            }
            None => groups.push((f.code, f.severity, 1, vec![place])),
        }
    }
    groups.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.as_str().cmp(b.0.as_str())));
    groups
}

impl CheckSummary {
    /// The summary of a `check` report.
    pub fn of(r: &CheckReport) -> CheckSummary {
        let found = r
            .members
            .iter()
            .flat_map(|m| m.findings.iter().map(move |f| (m.address.as_str(), f)))
            .chain(r.findings.iter().map(|f| (SET, f)))
            .chain(r.driver.findings.iter().map(|f| (DRIVER, f)));
        CheckSummary {
            members: r.members.len(),
            failing_members: r
                .members
                .iter()
                .filter(|m| m.findings.iter().any(|f| f.severity == Severity::Fail))
                .count(),
            counts: Counts::of(r.all_findings()),
            codes: group(found)
                .into_iter()
                .map(|(code, severity, count, places)| MemberCode {
                    code,
                    severity,
                    count,
                    members: places.into_iter().map(str::to_owned).collect(),
                })
                .collect(),
        }
    }
}

/// `summary` of `ca` and `verify`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FindingsSummary {
    /// Certificates read (`ca`: the bundle; `verify`: the presented chain).
    pub certificates: usize,
    /// Every finding by severity.
    pub counts: Counts,
    /// Each code found, worst severity first, then by code.
    pub codes: Vec<CertificateCode>,
}

/// One code of [`FindingsSummary::codes`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CertificateCode {
    /// The finding code.
    pub code: Code,
    /// Its severity.
    pub severity: Severity,
    /// How many findings carry it.
    pub count: usize,
    /// The certificates it is about (the findings' `certificate` indexes), ascending.
    pub certificates: Vec<usize>,
}

impl FindingsSummary {
    fn of(certificates: usize, findings: &[Finding]) -> FindingsSummary {
        FindingsSummary {
            certificates,
            counts: Counts::of(findings),
            codes: group(findings.iter().map(|f| (f.certificate, f)))
                .into_iter()
                .map(|(code, severity, count, places)| {
                    let mut certificates: Vec<usize> = places.into_iter().flatten().collect();
                    certificates.sort_unstable();
                    CertificateCode {
                        code,
                        severity,
                        count,
                        certificates,
                    }
                })
                .collect(),
        }
    }

    /// The summary of a `ca` report.
    pub fn of_ca(r: &CaReport) -> FindingsSummary {
        FindingsSummary::of(r.certificates.len(), &r.findings)
    }

    /// The summary of a `verify` report.
    pub fn of_verify(r: &VerifyReport) -> FindingsSummary {
        FindingsSummary::of(r.chain.len(), &r.findings)
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::report::{fixtures, Report};

    fn fail(code: Code) -> Finding {
        Finding::new(code, Severity::Fail, "m", "h")
    }

    fn warn(code: Code) -> Finding {
        Finding::new(code, Severity::Warn, "m", "h")
    }

    #[test]
    fn check_codes_name_the_members_the_set_and_the_driver() {
        let members = vec![
            fixtures::member(
                "a:1",
                vec![fail(Code::CertExpired), warn(Code::TlsPlaintextAccepted)],
            ),
            fixtures::member("b:2", vec![fail(Code::CertExpired)]),
            fixtures::member("c:3", vec![warn(Code::TlsPlaintextAccepted)]),
        ];
        let Report::Check(mut r) = fixtures::check_report(
            &["a:1"],
            members,
            vec![warn(Code::RsInconsistentCertificates)],
            Duration::ZERO,
        ) else {
            unreachable!()
        };
        r.driver.findings = vec![fail(Code::CertExpired)];
        let s = CheckSummary::of(&r);
        assert_eq!((s.members, s.failing_members), (3, 2));
        assert_eq!(
            s.counts,
            Counts {
                fail: 3,
                warn: 3,
                info: 0
            }
        );
        let codes: Vec<(&str, usize, Vec<&str>)> = s
            .codes
            .iter()
            .map(|c| {
                (
                    c.code.as_str(),
                    c.count,
                    c.members.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            codes,
            vec![
                ("cert.expired", 3, vec!["a:1", "b:2", "driver"]),
                ("rs.inconsistent_certificates", 1, vec!["set"]),
                ("tls.plaintext_accepted", 2, vec!["a:1", "c:3"]),
            ]
        );
        assert!(s.codes[0].in_driver() && !s.codes[0].on_set());
        assert_eq!(
            s.codes[0].member_addresses().collect::<Vec<_>>(),
            ["a:1", "b:2"]
        );
    }

    #[test]
    fn the_same_code_at_two_severities_is_two_entries_worst_first() {
        let found = [fail(Code::CertExpired), warn(Code::CertExpired)];
        let s = FindingsSummary::of(2, &found);
        assert_eq!(s.codes.len(), 2);
        assert_eq!(s.codes[0].severity, Severity::Fail);
        assert_eq!(s.codes[1].severity, Severity::Warn);
    }

    #[test]
    fn certificate_codes_list_each_index_once_in_order() {
        let found = [
            fail(Code::CertExpired).with_certificate(2),
            fail(Code::CertExpired).with_certificate(0),
            fail(Code::CertExpired).with_certificate(2),
            fail(Code::CertExpired),
        ];
        let s = FindingsSummary::of(3, &found);
        assert_eq!(s.codes[0].count, 4);
        assert_eq!(s.codes[0].certificates, [0, 2]);
    }
}
