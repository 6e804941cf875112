//! Small helpers shared by the tasks: running commands with a readable echo and
//! error, timing, file-tree copies, gzip (zopfli) and sizes, base64 and PATH lookup.

use std::ffi::OsStr;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Every task reports failures as a human-readable message; `main` prints it and exits 1.
pub type Result<T = ()> = std::result::Result<T, String>;

/// Adds a short "what was being done" prefix to any displayable error.
pub trait Context<T> {
    fn ctx(self, what: impl FnOnce() -> String) -> Result<T>;
}

impl<T, E: std::fmt::Display> Context<T> for std::result::Result<T, E> {
    fn ctx(self, what: impl FnOnce() -> String) -> Result<T> {
        self.map_err(|e| format!("{}: {e}", what()))
    }
}

/// The workspace root (the parent of `xtask/`), independent of the current directory.
pub fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask/ has a parent directory")
        .to_path_buf()
}

/// The `cargo` that runs us (so `cargo +toolchain xtask` stays on that toolchain).
pub fn cargo() -> Command {
    let mut cmd = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cmd.current_dir(project_root());
    cmd
}

/// Renders a command line for logs, e.g. `cargo build -p gradlab-wasm`.
pub fn show(cmd: &Command) -> String {
    let prog = Path::new(cmd.get_program())
        .file_name()
        .unwrap_or(cmd.get_program())
        .to_string_lossy()
        .into_owned();
    let args: Vec<String> = cmd.get_args().map(quote).collect();
    if args.is_empty() {
        prog
    } else {
        format!("{prog} {}", args.join(" "))
    }
}

fn quote(arg: &OsStr) -> String {
    let s = arg.to_string_lossy();
    if s.is_empty() || s.contains([' ', '"', '\'', '$']) {
        format!("'{}'", s.replace('\'', "'\\''"))
    } else {
        s.into_owned()
    }
}

/// Runs a command with inherited stdio; a non-zero exit becomes an error naming the command.
pub fn run(cmd: &mut Command) -> Result {
    eprintln!("$ {}", show(cmd));
    let status = cmd
        .status()
        .ctx(|| format!("cannot start `{}`", show(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", show(cmd)))
    }
}

/// Runs a command, echoing its stdout line by line to our stdout and handing each line to
/// `on_line` (used to add up test counts). stderr is inherited.
pub fn run_tee(cmd: &mut Command, mut on_line: impl FnMut(&str)) -> Result {
    eprintln!("$ {}", show(cmd));
    let mut child = cmd
        .stdout(Stdio::piped())
        .spawn()
        .ctx(|| format!("cannot start `{}`", show(cmd)))?;
    let stdout = child.stdout.take().expect("stdout is piped");
    for line in BufReader::new(stdout).lines() {
        let Ok(line) = line else { break };
        println!("{line}");
        on_line(&line);
    }
    let status = child
        .wait()
        .ctx(|| format!("waiting for `{}`", show(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", show(cmd)))
    }
}

/// Runs a command quietly and returns its trimmed stdout, or `None` if it cannot run or fails.
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// `1.234 s`, or `2 min 03 s` for long stages.
pub fn secs(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s < 60.0 {
        format!("{s:.1} s")
    } else {
        format!("{} min {:02} s", (s / 60.0) as u64, (s as u64) % 60)
    }
}

/// Times a closure and returns its result with the elapsed time.
pub fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let value = f();
    (value, start.elapsed())
}

/// `123.4 KiB` style sizes.
pub fn human(bytes: u64) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else if bytes < 1024 * 1024 {
        format!("{:.1} KiB", bytes as f64 / 1024.0)
    } else {
        format!("{:.2} MiB", bytes as f64 / (1024.0 * 1024.0))
    }
}

/// `data` as one gzip member compressed by zopfli: the format every gzip reader (browsers,
/// `gzip -d`) takes, 3–5 % smaller than `gzip -9`'s; no file name and a zero time stamp, so a
/// build writes the same bytes every time.
pub fn gzip(data: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len() / 3);
    zopfli::compress(
        zopfli::Options::default(),
        zopfli::Format::Gzip,
        data,
        &mut out,
    )
    .ctx(|| "zopfli".into())?;
    Ok(out)
}

/// What a static host serving precompressed files sends for `path`: the size of the `.gz` copy
/// `cargo xtask dist` writes beside it ([`gzip`]), when that copy is not older than the file;
/// else (`cargo xtask serve`'s build has none) `gzip -9`'s, or `None` if `gzip` is unavailable.
pub fn gzip_size(path: &Path) -> Option<u64> {
    let mut copy = path.as_os_str().to_os_string();
    copy.push(".gz");
    let modified = |p: &Path| {
        fs::metadata(p)
            .and_then(|m| Ok((m.modified()?, m.len())))
            .ok()
    };
    if let (Some((file, _)), Some((gz, len))) = (modified(path), modified(Path::new(&copy))) {
        if gz >= file {
            return Some(len);
        }
    }
    let out = Command::new("gzip")
        .args(["-9", "-n", "-c"])
        .arg(path)
        .output()
        .ok()?;
    out.status.success().then_some(out.stdout.len() as u64)
}

/// One line of the size table: `  web/pkg/gradlab_bg.wasm   180.2 KiB  (gzip 63.0 KiB)`.
pub fn size_line(root: &Path, path: &Path) -> String {
    let raw = fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let gz = gzip_size(path).map_or_else(|| "gzip n/a".into(), |g| format!("gzip {}", human(g)));
    // The `.br` copy `cargo xtask dist` writes, once it is there.
    let mut br = path.as_os_str().to_os_string();
    br.push(".br");
    let br = fs::metadata(&br).map_or_else(
        |_| String::new(),
        |m| format!(", brotli {}", human(m.len())),
    );
    let name = path.strip_prefix(root).unwrap_or(path).display();
    format!("  {name:<34} {:>11}  ({gz}{br})", human(raw))
}

/// Standard base64 (RFC 4648, with padding).
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Recursively copies `src` into `dst`, skipping paths (relative to `src`) that `skip` rejects.
pub fn copy_tree(src: &Path, dst: &Path, skip: &dyn Fn(&Path) -> bool) -> Result {
    copy_tree_inner(src, src, dst, skip)
}

fn copy_tree_inner(base: &Path, src: &Path, dst: &Path, skip: &dyn Fn(&Path) -> bool) -> Result {
    fs::create_dir_all(dst).ctx(|| format!("creating {}", dst.display()))?;
    for entry in fs::read_dir(src).ctx(|| format!("reading {}", src.display()))? {
        let entry = entry.ctx(|| format!("reading {}", src.display()))?;
        let path = entry.path();
        if skip(path.strip_prefix(base).unwrap_or(&path)) {
            continue;
        }
        let target = dst.join(entry.file_name());
        if path.is_dir() {
            copy_tree_inner(base, &path, &target, skip)?;
        } else {
            fs::copy(&path, &target)
                .ctx(|| format!("copying {} to {}", path.display(), target.display()))?;
        }
    }
    Ok(())
}

/// Every file below `dir` (recursively), sorted; missing `dir` gives an empty list.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Finds an executable on `PATH`, then in cargo's bin directory (where `cargo install` puts it
/// even when that directory is not on `PATH`).
pub fn find_program(name: &str) -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        dirs.push(PathBuf::from(home).join("bin"));
    }
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(PathBuf::from(home).join(".cargo/bin"));
    }
    dirs.into_iter().map(|d| d.join(name)).find(|p| p.is_file())
}

/// For tests: a fresh directory `name` (made unique by the process id) under the system temp
/// dir, holding `files` (path relative to it, contents).
#[cfg(test)]
pub fn temp_tree(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    for (path, contents) in files {
        let file = dir.join(path);
        fs::create_dir_all(file.parent().expect("a file has a parent")).unwrap();
        fs::write(file, contents).unwrap();
    }
    dir
}

/// Helpers for the tests of several modules.
#[cfg(test)]
pub mod test_support {
    use std::process::{Command, Stdio};

    /// What `gzip` (the binary) makes of `args` applied to `input` on stdin.
    pub fn gzip_binary(args: &[&str], input: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut child = Command::new("gzip")
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("gzip runs");
        let mut stdin = child.stdin.take().unwrap();
        let input = input.to_vec();
        let writer = std::thread::spawn(move || stdin.write_all(&input));
        let out = child.wait_with_output().unwrap();
        writer.join().unwrap().unwrap();
        assert!(out.status.success(), "gzip {args:?} failed");
        out.stdout
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::gzip_binary;
    use super::*;

    #[test]
    fn base64_matches_rfc4648_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (input, expected) in cases {
            assert_eq!(base64(input.as_bytes()), expected);
        }
    }

    #[test]
    fn gzip_copies_are_gzip_smaller_than_gzip_9_and_the_same_every_build() {
        // Text like the page's modules: repeated words with variation.
        let text: String = (0..4000)
            .map(|i| {
                format!(
                    "export const label{i} = t(\"scene.part{}\", {});\n",
                    i % 37,
                    i * 7 % 101
                )
            })
            .collect();
        let packed = gzip(text.as_bytes()).unwrap();
        // A gzip member with no file name and no time stamp.
        assert_eq!(&packed[..4], &[0x1f, 0x8b, 8, 0]);
        assert_eq!(&packed[4..8], &[0, 0, 0, 0]);
        assert_eq!(gzip_binary(&["-dc"], &packed), text.as_bytes());
        let nine = gzip_binary(&["-9", "-n", "-c"], text.as_bytes());
        assert!(
            packed.len() < nine.len(),
            "{} ≥ gzip -9's {}",
            packed.len(),
            nine.len()
        );
        assert_eq!(gzip(text.as_bytes()).unwrap(), packed);
        assert_eq!(gzip_binary(&["-dc"], &gzip(b"").unwrap()), b"");
    }

    #[test]
    fn gzip_size_reads_the_copy_dist_wrote_unless_it_is_older_than_the_file() {
        let dir = temp_tree("xtask-gzip-size", &[("a.js", &"let a = 1;\n".repeat(200))]);
        let file = dir.join("a.js");
        let by_gzip_9 = gzip_size(&file).unwrap();
        assert_eq!(
            by_gzip_9,
            gzip_binary(&["-9", "-n", "-c"], &fs::read(&file).unwrap()).len() as u64
        );
        fs::write(dir.join("a.js.gz"), [0u8; 7]).unwrap();
        assert_eq!(gzip_size(&file), Some(7));
        // The file rewritten after its copy: the copy is stale, gzip -9 measures the file.
        std::thread::sleep(Duration::from_millis(20));
        fs::write(&file, "let b = 2;\n".repeat(200)).unwrap();
        assert_ne!(gzip_size(&file), Some(7));
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn sizes_are_readable() {
        assert_eq!(human(12), "12 B");
        assert_eq!(human(2048), "2.0 KiB");
        assert_eq!(secs(Duration::from_secs(125)), "2 min 05 s");
    }
}
