//! Finding what a Chinese input method types in place of TOML's ASCII:
//! full-width punctuation and digits (`，` `：` `２`), curly quotes and the
//! ideographic comma and full stop. They look like the right character on
//! screen, so a message names them by kind and place rather than as a bare
//! parse error.

/// The half-width character `c` stands in for, when it is one of these.
pub fn ascii_for(c: char) -> Option<char> {
    match c {
        '“' | '”' => Some('"'),
        '‘' | '’' => Some('\''),
        '、' => Some(','),
        '。' => Some('.'),
        '【' => Some('['),
        '】' => Some(']'),
        '\u{3000}' => Some(' '),
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
        _ => None,
    }
}

/// `s` with full-width digits and colons made half-width, the rest as it
/// is: a time of day typed with a Chinese input method.
pub fn time_digits(s: &str) -> String {
    s.chars()
        .map(|c| match ascii_for(c) {
            Some(a) if a.is_ascii_digit() || a == ':' => a,
            _ => c,
        })
        .collect()
}

/// The first such character in `s`: its byte offset and itself.
pub fn first_in(s: &str) -> Option<(usize, char)> {
    s.char_indices().find(|(_, c)| ascii_for(*c).is_some())
}

/// The first such character outside strings and comments, where TOML can
/// never accept it: its byte offset and itself.
pub fn outside_strings(text: &str) -> Option<(usize, char)> {
    #[derive(PartialEq)]
    enum In {
        Code,
        Comment,
        Basic,
        Literal,
        MultiBasic,
        MultiLiteral,
    }
    let mut state = In::Code;
    let mut chars = text.char_indices().peekable();
    let rest = |i: usize, pat: &str| text[i..].starts_with(pat);
    while let Some((i, c)) = chars.next() {
        match state {
            In::Code => match c {
                '#' => state = In::Comment,
                '"' if rest(i, "\"\"\"") => {
                    chars.nth(1);
                    state = In::MultiBasic;
                }
                '\'' if rest(i, "'''") => {
                    chars.nth(1);
                    state = In::MultiLiteral;
                }
                '"' => state = In::Basic,
                '\'' => state = In::Literal,
                _ if ascii_for(c).is_some() => return Some((i, c)),
                _ => {}
            },
            In::Comment if c == '\n' => state = In::Code,
            In::Basic | In::MultiBasic if c == '\\' => {
                chars.next();
            }
            In::Basic if c == '"' || c == '\n' => state = In::Code,
            In::Literal if c == '\'' || c == '\n' => state = In::Code,
            In::MultiBasic if rest(i, "\"\"\"") => {
                chars.nth(1);
                state = In::Code;
            }
            In::MultiLiteral if rest(i, "'''") => {
                chars.nth(1);
                state = In::Code;
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_outside_strings_only() {
        assert_eq!(outside_strings("a = [2，3]"), Some((6, '，')));
        assert_eq!(outside_strings("a = ２"), Some((4, '２')));
        assert_eq!(outside_strings("a = “x”"), Some((4, '“')));
        assert_eq!(outside_strings("a = \"2，3\" # 注释，"), None);
        assert_eq!(outside_strings("a = '''，''' \nb = 1"), None);
        assert_eq!(outside_strings("a = \"\\\"，\""), None);
        assert_eq!(ascii_for('：'), Some(':'));
        assert_eq!(ascii_for('９'), Some('9'));
        assert_eq!(ascii_for('陈'), None);
    }
}
