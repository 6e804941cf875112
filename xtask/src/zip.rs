//! A small ZIP writer for the SCORM package (PKWARE APPNOTE 6.3: a local header and the data of
//! each entry, the central directory, the end record; no ZIP64 — an entry and the archive must
//! stay below 4 GiB, at most 65 535 entries). xtask has no dependencies (see its Cargo.toml), and
//! the `zip` crate would bring 17 crates to its first build (syn among them, for zeroize), so
//! this is std only, like the rest:
//! - deflate comes from the `gzip` binary `cargo xtask dist` already runs for its `.gz` copies:
//!   a gzip member (RFC 1952) is a raw deflate stream between a 10-byte header and a trailer
//!   holding the CRC-32 and the size, which are checked against the data before the stream is
//!   used; an entry is stored when gzip is missing or does not make it smaller;
//! - CRC-32 (IEEE 802.3, the polynomial zip and gzip share) is computed here;
//! - every entry has the same timestamp (1980-01-01 00:00, the format's epoch), so the same
//!   files always give the same archive.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::util::Result;

/// One file of an archive: its path inside (`/`-separated, relative) and its bytes.
pub struct Entry {
    pub name: String,
    pub data: Vec<u8>,
}

const STORED: u16 = 0;
const DEFLATED: u16 = 8;
/// "Version needed to extract" for deflate (2.0).
const VERSION: u16 = 20;
/// Made by: Unix (3) with the 2.0 spec, so unzip on Linux and macOS keeps the permissions below.
const MADE_BY: u16 = (3 << 8) | VERSION;
/// A regular file, rw-r--r--, in the Unix half of the external attributes.
const UNIX_FILE: u32 = 0o100_644 << 16;
/// 1980-01-01 in MS-DOS date format (day 1, month 1, year 1980 + 0); the time is 00:00:00.
const DOS_DATE: u16 = (1 << 5) | 1;
/// General purpose flag bit 11: the name is UTF-8.
const UTF8_NAME: u16 = 1 << 11;

/// The archive of `entries`, in their order.
pub fn archive(entries: &[Entry]) -> Result<Vec<u8>> {
    if entries.len() > usize::from(u16::MAX) {
        return Err(format!(
            "zip: {} entries, the format allows 65535",
            entries.len()
        ));
    }
    let mut out = Vec::new();
    let mut central = Vec::new();
    for entry in entries {
        check_name(&entry.name)?;
        let crc = crc32(&entry.data);
        let (method, body) = match deflate(&entry.data) {
            Some(packed) if packed.len() < entry.data.len() => (DEFLATED, packed),
            _ => (STORED, entry.data.clone()),
        };
        let offset = small(out.len(), "offset", &entry.name)?;
        let flags = if entry.name.is_ascii() { 0 } else { UTF8_NAME };
        // The fields a local header and its central directory record share.
        let mut common = Vec::with_capacity(26);
        put16(&mut common, VERSION);
        put16(&mut common, flags);
        put16(&mut common, method);
        put16(&mut common, 0); // time 00:00:00
        put16(&mut common, DOS_DATE);
        put32(&mut common, crc);
        put32(
            &mut common,
            small(body.len(), "compressed size", &entry.name)?,
        );
        put32(&mut common, small(entry.data.len(), "size", &entry.name)?);
        put16(&mut common, entry.name.len() as u16); // checked by check_name
        put16(&mut common, 0); // no extra field

        put32(&mut out, 0x0403_4b50);
        out.extend_from_slice(&common);
        out.extend_from_slice(entry.name.as_bytes());
        out.extend_from_slice(&body);

        put32(&mut central, 0x0201_4b50);
        put16(&mut central, MADE_BY);
        central.extend_from_slice(&common);
        put16(&mut central, 0); // no comment
        put16(&mut central, 0); // disk 0
        put16(&mut central, 0); // internal attributes
        put32(&mut central, UNIX_FILE);
        put32(&mut central, offset);
        central.extend_from_slice(entry.name.as_bytes());
    }
    let directory_at = small(out.len(), "central directory offset", "the archive")?;
    let directory_len = small(central.len(), "central directory size", "the archive")?;
    out.extend_from_slice(&central);
    put32(&mut out, 0x0605_4b50);
    put16(&mut out, 0); // this disk
    put16(&mut out, 0); // the disk with the directory
    put16(&mut out, entries.len() as u16);
    put16(&mut out, entries.len() as u16);
    put32(&mut out, directory_len);
    put32(&mut out, directory_at);
    put16(&mut out, 0); // no archive comment
    Ok(out)
}

/// A relative path with `/` separators: no empty, `.` or `..` segment, no backslash or NUL.
fn check_name(name: &str) -> Result {
    let bad_segment = name
        .split('/')
        .any(|s| s.is_empty() || s == "." || s == "..");
    if bad_segment || name.contains(['\\', '\0']) || name.len() > usize::from(u16::MAX) {
        return Err(format!("zip: `{name}` is not a relative file path"));
    }
    Ok(())
}

fn small(n: usize, what: &str, name: &str) -> Result<u32> {
    u32::try_from(n).map_err(|_| format!("zip: the {what} of {name} needs ZIP64 (over 4 GiB)"))
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// CRC-32 as zip and gzip compute it (reflected, polynomial 0xEDB88320, inverted in and out).
pub fn crc32(bytes: &[u8]) -> u32 {
    !bytes.iter().fold(!0u32, |crc, &b| {
        CRC_TABLE[((crc ^ u32::from(b)) & 0xff) as usize] ^ (crc >> 8)
    })
}

const CRC_TABLE: [u32; 256] = crc_table();

const fn crc_table() -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut bit = 0;
        while bit < 8 {
            c = if c & 1 == 1 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            bit += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
}

/// The raw deflate stream of `data` made by `gzip -9 -n`; `None` if gzip cannot run or its
/// output does not check out.
pub fn deflate(data: &[u8]) -> Option<Vec<u8>> {
    let mut child = Command::new("gzip")
        .args(["-9", "-n", "-c"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take()?;
    let input = data.to_vec();
    // Written from another thread: gzip's output could fill the pipe before it has read all.
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().ok()?;
    writer.join().ok()?.ok()?;
    if !output.status.success() {
        return None;
    }
    gzip_payload(&output.stdout, data)
}

/// The deflate stream inside one gzip member, if the member's trailer (CRC-32 and size mod 2³²)
/// matches `data`.
fn gzip_payload(member: &[u8], data: &[u8]) -> Option<Vec<u8>> {
    const FHCRC: u8 = 2;
    const FEXTRA: u8 = 4;
    const FNAME: u8 = 8;
    const FCOMMENT: u8 = 16;
    if member.len() < 18 || member[..3] != [0x1f, 0x8b, 8] {
        return None;
    }
    let flags = member[3];
    let mut at = 10;
    if flags & FEXTRA != 0 {
        let len = member.get(at..at + 2)?;
        at += 2 + usize::from(u16::from_le_bytes([len[0], len[1]]));
    }
    for field in [FNAME, FCOMMENT] {
        if flags & field != 0 {
            at += member.get(at..)?.iter().position(|&b| b == 0)? + 1;
        }
    }
    if flags & FHCRC != 0 {
        at += 2;
    }
    let end = member.len() - 8;
    if at > end {
        return None;
    }
    let word =
        |i: usize| u32::from_le_bytes([member[i], member[i + 1], member[i + 2], member[i + 3]]);
    let matches = word(end) == crc32(data) && word(end + 4) == data.len() as u32;
    matches.then(|| member[at..end].to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u16_at(b: &[u8], i: usize) -> u16 {
        u16::from_le_bytes([b[i], b[i + 1]])
    }

    fn u32_at(b: &[u8], i: usize) -> u32 {
        u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]])
    }

    /// Inflates a raw deflate stream with `gzip -dc`, wrapping it in a gzip member again.
    fn inflate(raw: &[u8], crc: u32, size: u32) -> Vec<u8> {
        let mut member = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255];
        member.extend_from_slice(raw);
        member.extend_from_slice(&crc.to_le_bytes());
        member.extend_from_slice(&size.to_le_bytes());
        crate::util::test_support::gzip_binary(&["-dc"], &member)
    }

    #[test]
    fn crc32_matches_the_standard_check_values() {
        // The "check" value of CRC-32/ISO-HDLC (the zip/gzip CRC) and two more known values.
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
        assert_eq!(
            crc32(b"The quick brown fox jumps over the lazy dog"),
            0x414F_A339
        );
    }

    #[test]
    fn the_archive_lists_every_entry_and_each_one_reads_back() {
        let text = "gradlab ".repeat(500).into_bytes();
        let entries = [
            Entry {
                name: "imsmanifest.xml".into(),
                data: text.clone(),
            },
            Entry {
                name: "web/a.js".into(),
                data: b"x".to_vec(), // gzip cannot make one byte smaller: stored
            },
        ];
        let zip = archive(&entries).unwrap();
        // The end record: 22 bytes at the end, 2 entries, where the directory is.
        let end = zip.len() - 22;
        assert_eq!(u32_at(&zip, end), 0x0605_4b50);
        assert_eq!((u16_at(&zip, end + 8), u16_at(&zip, end + 10)), (2, 2));
        let mut record = u32_at(&zip, end + 16) as usize;
        assert_eq!(record + u32_at(&zip, end + 12) as usize, end);
        let mut methods = Vec::new();
        for entry in &entries {
            assert_eq!(u32_at(&zip, record), 0x0201_4b50, "central record");
            let (method, crc) = (u16_at(&zip, record + 10), u32_at(&zip, record + 16));
            let (packed, size) = (u32_at(&zip, record + 20), u32_at(&zip, record + 24));
            let name_len = u16_at(&zip, record + 28) as usize;
            let name = &zip[record + 46..record + 46 + name_len];
            assert_eq!(name, entry.name.as_bytes());
            assert_eq!((crc, size as usize), (crc32(&entry.data), entry.data.len()));
            // The local header at the recorded offset says the same.
            let local = u32_at(&zip, record + 42) as usize;
            assert_eq!(u32_at(&zip, local), 0x0403_4b50, "local header");
            assert_eq!(zip[local + 4..local + 30], zip[record + 6..record + 32]);
            let data_at = local + 30 + name_len;
            let body = &zip[data_at..data_at + packed as usize];
            let read = match method {
                DEFLATED => inflate(body, crc, size),
                STORED => body.to_vec(),
                other => panic!("method {other}"),
            };
            assert_eq!(read, entry.data);
            methods.push(method);
            record += 46 + name_len;
        }
        assert_eq!(methods, [DEFLATED, STORED]);
        assert!(zip.len() < text.len() / 4, "the repeated text is deflated");
        assert_eq!(
            archive(&entries).unwrap(),
            zip,
            "the same files give the same bytes"
        );
    }

    #[test]
    fn a_gzip_member_whose_trailer_does_not_match_is_not_used() {
        let data = b"hello hello hello hello".to_vec();
        let raw = deflate(&data).expect("gzip is installed");
        let mut member = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255];
        member.extend_from_slice(&raw);
        member.extend_from_slice(&crc32(&data).to_le_bytes());
        member.extend_from_slice(&(data.len() as u32).to_le_bytes());
        assert_eq!(gzip_payload(&member, &data), Some(raw));
        assert_eq!(gzip_payload(&member, b"other data"), None);
        assert_eq!(gzip_payload(&member[..12], &data), None);
    }

    #[test]
    fn names_must_be_relative_file_paths() {
        for bad in ["", "/abs", "a/../b", "a//b", "a\\b", "dir/"] {
            let entry = Entry {
                name: bad.into(),
                data: Vec::new(),
            };
            assert!(archive(&[entry]).is_err(), "{bad:?}");
        }
    }
}
