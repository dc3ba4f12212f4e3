//! Which web addresses found in a text may become links. The page shows
//! every address as text; only on request, and only for `http:` and
//! `https:` (a bare `www.` address is read as `https:`), does it make a
//! link — never for `javascript:`, `data:` or any other scheme.

/// The `href` for a found address, or `None` when it must stay text.
pub fn safe_href(address: &str) -> Option<String> {
    let a = address.trim();
    if a.is_empty() || a.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return None;
    }
    let lower = a.to_ascii_lowercase();
    let href = if lower.starts_with("https://") || lower.starts_with("http://") {
        a.to_string()
    } else if lower.starts_with("www.") {
        format!("https://{a}")
    } else {
        return None;
    };
    // Something must follow the scheme: a host.
    let rest = href.split_once("://").map_or("", |(_, r)| r);
    (!rest.is_empty() && !rest.starts_with('/')).then_some(href)
}

#[cfg(test)]
mod tests {
    use super::safe_href;

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(
            safe_href("https://example.org/a?b=1").as_deref(),
            Some("https://example.org/a?b=1")
        );
        assert_eq!(
            safe_href("HTTP://Example.org").as_deref(),
            Some("HTTP://Example.org")
        );
        assert_eq!(
            safe_href("www.example.org").as_deref(),
            Some("https://www.example.org")
        );
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
            "file:///etc/passwd",
            "https://",
            "https:///x",
            "http://a b",
            "http://a\u{0}b",
            "",
        ] {
            assert_eq!(safe_href(bad), None, "{bad}");
        }
    }
}
