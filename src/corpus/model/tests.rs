use super::*;

#[test]
fn dates_parse_at_each_precision_and_order_chronologically() {
    let y: PartialDate = "2015".parse().unwrap();
    let ym: PartialDate = "2014-11".parse().unwrap();
    let ymd: PartialDate = "2017-03-08".parse().unwrap();
    assert_eq!(
        (y.to_string(), ym.to_string(), ymd.to_string()),
        ("2015".into(), "2014-11".into(), "2017-03-08".into())
    );
    assert!(ym < y && y < ymd);
    assert!("2024-02-29".parse::<PartialDate>().is_ok());
}

#[test]
fn bad_dates_say_why() {
    for (s, why) in [
        ("2023-02-29", "day 29 is not 1-28"),
        ("2017-13", "month 13 is not 1-12"),
        ("17-03-08", "expected YYYY"),
        ("2017-3-8", "expected YYYY"),
        ("2017-03-08-01", "expected YYYY"),
        ("", "expected YYYY"),
        ("March 2017", "expected YYYY"),
    ] {
        let err = s.parse::<PartialDate>().unwrap_err();
        assert!(err.contains(why), "{s}: {err}");
    }
}

#[test]
fn a_date_is_surely_after_another_only_at_a_shared_precision() {
    let d = |s: &str| s.parse::<PartialDate>().unwrap();
    assert!(d("2015").surely_after(d("2014-12-31")));
    assert!(d("2014-12").surely_after(d("2014-11-30")));
    assert!(d("2014-12-19").surely_after(d("2014-12-18")));
    assert!(!d("2014-12").surely_after(d("2014")));
    assert!(!d("2014").surely_after(d("2014-03")));
    assert!(!d("2014-12-18").surely_after(d("2014-12")));
}

#[test]
fn web_addresses_must_be_http_with_a_host() {
    assert!(check_url("https://www.hrw.org/news/2014/12/18/x").is_ok());
    assert!(check_url("http://example.org").is_ok());
    for (bad, why) in [
        ("ftp://example.org/x", "use http or https"),
        ("www.hrw.org/news", "relative URL"),
        ("https://hrw.org/a b", "space"),
        ("https://", "empty host"),
        ("mailto:a@b.org", "use http or https"),
    ] {
        let err = check_url(bad).unwrap_err();
        assert!(err.contains(why), "{bad}: {err}");
    }
}

#[test]
fn kinds_and_roles_display_as_in_files() {
    assert_eq!(DocKind::JointLetter.to_string(), "joint-letter");
    assert_eq!(Role::Quoted.to_string(), "quoted");
    assert_eq!(PersonKind::Organization.to_string(), "organization");
}
