//! Reading a `check` JSON report in tests: members by address, findings, codes, messages.
//! Each accessor fails the test, with the report, when the shape is not there.

#![allow(dead_code, clippy::expect_used, clippy::unwrap_used)]

use serde_json::Value;

/// The report's `members`.
pub fn members(report: &Value) -> &Vec<Value> {
    report["members"].as_array().expect("members")
}

/// The member reported under `address`.
pub fn member<'a>(report: &'a Value, address: &str) -> &'a Value {
    members(report)
        .iter()
        .find(|m| m["address"] == address)
        .unwrap_or_else(|| panic!("member {address} not reported: {report:#}"))
}

/// The `findings` of `v` (a member or the report).
pub fn findings(v: &Value) -> &Vec<Value> {
    v["findings"].as_array().expect("findings")
}

/// The codes of `v`'s findings, in order.
pub fn codes(v: &Value) -> Vec<String> {
    findings(v)
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

/// The message of the finding `code` on `v`; fails when absent.
pub fn message<'a>(v: &'a Value, code: &str) -> &'a str {
    findings(v)
        .iter()
        .find(|f| f["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {:?}: {v:#}", codes(v)))["message"]
        .as_str()
        .unwrap()
}
