//! The `nfk` command line: parse options, call the library, map the outcome to an exit code.
//! Nothing here knows how a site is built; nothing deeper calls `process::exit`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

use nfk::diagnostics::{self, Diagnostic, Format};
use nfk::messages::{self, ids};
use nfk::model::Language;

/// Allocation is a quarter of the build's CPU with the system allocator (bench/PROFILE.md);
/// mimalloc cuts it by about a fifth.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit codes, SPEC §9.
const CONTENT_ERRORS: u8 = 1;
const FAILURE: u8 = 2;

#[derive(Parser)]
#[command(
    name = "nfk",
    version,
    about = "Static site generator for network publications (Næring for klima)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The language of the messages; default: the site's `language` in site.yaml, else nb
    #[arg(long, value_enum, global = true)]
    lang: Option<Lang>,
}

/// `--lang`: the languages of the message catalogue (`src/messages/`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Lang {
    /// Norsk bokmål
    Nb,
    /// English
    En,
}

impl From<Lang> for Language {
    fn from(lang: Lang) -> Self {
        match lang {
            Lang::Nb => Language::Nb,
            Lang::En => Language::En,
        }
    }
}

#[derive(clap::Args, Clone)]
struct RootArg {
    /// The site folder (the one with site.yaml)
    #[arg(long, default_value = ".", global = true)]
    root: PathBuf,
}

#[derive(Subcommand)]
enum Command {
    /// Check every file of the site and report all problems; writes nothing
    Check {
        #[command(flatten)]
        root: RootArg,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Print the figures of the summit results (SPEC §8): a summary, or results.json
    Results {
        #[command(flatten)]
        root: RootArg,
        #[arg(long, value_enum, default_value_t = ResultsFormat::Human)]
        format: ResultsFormat,
    },
    /// Build the site into the output folder (all or nothing)
    Build {
        #[command(flatten)]
        root: RootArg,
        /// Where to write the site
        #[arg(long, default_value = "public")]
        output: PathBuf,
        /// Use this base URL instead of site.yaml's
        #[arg(long)]
        base_url: Option<String>,
        /// Include drafts
        #[arg(long)]
        drafts: bool,
        /// Replace the output folder even when nfk did not write it (never the site itself)
        #[arg(long)]
        force: bool,
    },
    /// Build the site with drafts in memory and serve it with live reload; rebuilds on changes
    Serve {
        #[command(flatten)]
        root: RootArg,
        /// The port to listen on (0: any free port)
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// The address to listen on; the default keeps the preview on this machine
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the site in the default browser
        #[arg(long)]
        open: bool,
    },
    /// Create something new from a commented skeleton
    New {
        #[command(subcommand)]
        what: NewCommand,
    },
    /// Import emissions from a reporting workbook (.xlsx, .ods) or a CSV file into
    /// partners/<slug>/emissions.yaml; shows the change, writes nothing when anything is wrong
    Import {
        /// The workbook (from `nfk template xlsx`) or CSV file (like /data/emissions.csv)
        file: PathBuf,
        #[command(flatten)]
        root: RootArg,
        /// The partner (folder name); a workbook is otherwise matched by its organisation
        /// number, and a CSV file imports every partner in it
        #[arg(long)]
        partner: Option<String>,
        /// Show what would change; write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Write a template to fill in
    Template {
        #[command(subcommand)]
        what: TemplateCommand,
    },
}

#[derive(Subcommand)]
enum TemplateCommand {
    /// The reporting workbook a partner fills in (Profil, Utslipp, Mål, Veiledning)
    Xlsx {
        /// Where to write it; an existing file is never replaced
        #[arg(long, default_value = "klimaregnskap.xlsx")]
        output: PathBuf,
    },
}

/// How `nfk results` prints: a Norwegian summary, or exactly `/data/results.json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ResultsFormat {
    Human,
    Json,
}

#[derive(Subcommand)]
enum NewCommand {
    /// A partner folder with profile.yaml and emissions.yaml to fill in
    Partner {
        /// The folder name and URL: lowercase a–z, 0–9 and `-`
        slug: String,
        #[command(flatten)]
        root: RootArg,
    },
}

fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(FAILURE)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let lang = messages::choose(cli.lang.map(Language::from), cli.command.root());
    match run(cli) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // nfk's own words about the output folder (a refused folder, a write the system
            // refused) in the editor's language; the system's and crates' errors as they say them.
            let chain: Vec<String> = (e.chain())
                .map(|c| words_of(c, lang).unwrap_or_else(|| c.to_string()))
                .collect();
            eprintln!("error: {}", chain.join(": "));
            ExitCode::from(FAILURE)
        }
    }
}

impl Command {
    /// The site folder the command works on, whose `language` speaks.
    fn root(&self) -> &Path {
        match self {
            Command::Check { root, .. }
            | Command::Results { root, .. }
            | Command::Build { root, .. }
            | Command::Serve { root, .. }
            | Command::Import { root, .. }
            | Command::New {
                what: NewCommand::Partner { root, .. },
            } => &root.root,
            Command::Template { .. } => Path::new("."),
        }
    }
}

/// `nfk check | head` closes stdout early; that is the reader's choice, not a failure.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.downcast_ref::<std::io::Error>()
        .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let flag = cli.lang.map(Language::from);
    // The site whose language speaks: `--root` of the command, or the current folder.
    let lang = |root: &Path| messages::choose(flag, root);
    match cli.command {
        Command::Check { root, format } => check(&root.root, format, lang(&root.root)),
        Command::Results { root, format } => results(&root.root, format, lang(&root.root)),
        Command::Build {
            root,
            output,
            base_url,
            drafts,
            force,
        } => {
            let folder = if output.is_absolute() {
                output
            } else {
                root.root.join(output)
            };
            let lang = lang(&root.root);
            let options = nfk::BuildOptions {
                root: root.root,
                base_url,
                drafts,
                live_reload: false,
                check_only: false,
                pictures_after_pages: false,
            };
            build(&options, &nfk::OutputOptions { folder, force }, lang)
        }
        Command::Serve {
            root,
            port,
            bind,
            open,
        } => {
            let lang = lang(&root.root);
            let options = nfk::serve::ServeOptions {
                root: root.root,
                port,
                bind,
                open,
                lang,
            };
            nfk::serve::serve(&options)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::New {
            what: NewCommand::Partner { slug, root },
        } => new_partner(&root.root, &slug, lang(&root.root)),
        Command::Import {
            file,
            root,
            partner,
            dry_run,
        } => {
            let options = nfk::import::ImportOptions {
                root: root.root.clone(),
                file,
                partner,
            };
            let lang = lang(&options.root);
            import(&options, dry_run, lang)
        }
        Command::Template {
            what: TemplateCommand::Xlsx { output },
        } => template_xlsx(&output, lang(Path::new("."))),
    }
}

fn check(root: &Path, format: Format, lang: Language) -> anyhow::Result<ExitCode> {
    let report = nfk::check_build(root);
    let (partners, pages) = (report.partners, report.pages);
    let has_errors = report.diagnostics.has_errors();
    let list = diagnostics::localized(report.diagnostics.sorted(), lang);
    let (errors, warnings) = diagnostics::counts(&list);
    let mut out = std::io::stdout().lock();
    match format {
        Format::Human => {
            write!(out, "{}", diagnostics::render_human(&list))?;
            let args = vec![
                ("partners", partners.into()),
                ("pages", pages.into()),
                ("errors", errors.into()),
                ("warnings", warnings.into()),
            ];
            writeln!(out, "{}", messages::text(lang, ids::CHECK_SUMMARY, &args))?;
        }
        Format::Github => write!(out, "{}", diagnostics::render_github(&list))?,
        Format::Json => {
            #[derive(serde::Serialize)]
            struct Report<'a> {
                partners: usize,
                pages: usize,
                errors: usize,
                warnings: usize,
                diagnostics: &'a [Diagnostic],
            }
            let report = Report {
                partners,
                pages,
                errors,
                warnings,
                diagnostics: &list,
            };
            writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
        }
    }
    Ok(exit_for(has_errors))
}

/// The figures need a valid model: with content errors, print them (to stderr) and stop.
fn results(root: &Path, format: ResultsFormat, lang: Language) -> anyhow::Result<ExitCode> {
    let validated = nfk::load_and_validate(root);
    if validated.diagnostics.has_errors() {
        let errors = validated.diagnostics.error_count();
        let list = diagnostics::localized(validated.diagnostics.sorted(), lang);
        eprint!("{}", diagnostics::render_human(&list));
        let args = vec![("errors", errors.into())];
        eprintln!(
            "{}",
            messages::text(lang, ids::RESULTS_CONTENT_ERRORS, &args)
        );
        return Ok(exit_for(true));
    }
    let site = validated.site.context("site.yaml could not be read")?;
    let results = nfk::network_results(&site);
    let text = match format {
        ResultsFormat::Human => nfk::render_results(&results, lang),
        ResultsFormat::Json => serde_json::to_string_pretty(&results)? + "\n",
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

fn build(
    options: &nfk::BuildOptions,
    output: &nfk::OutputOptions,
    lang: Language,
) -> anyhow::Result<ExitCode> {
    let start = std::time::Instant::now();
    let folder = output.folder.display().to_string();
    match nfk::build(options, output)? {
        Ok(built) => {
            let list = diagnostics::localized(built.diagnostics.sorted(), lang);
            let (_, warnings) = diagnostics::counts(&list);
            eprint!("{}", diagnostics::render_human(&list));
            let millis = u64::try_from(start.elapsed().as_millis()).unwrap_or(u64::MAX);
            let args = vec![
                ("partners", built.partners.into()),
                ("pages", built.pages.into()),
                ("files", built.files.into()),
                ("folder", folder.into()),
                ("ms", i64::try_from(millis).unwrap_or(i64::MAX).into()),
                ("warnings", warnings.into()),
            ];
            eprintln!("{}", messages::text(lang, ids::BUILD_SUMMARY, &args));
            Ok(ExitCode::SUCCESS)
        }
        Err(problems) => {
            let list = diagnostics::localized(problems.sorted(), lang);
            let (errors, warnings) = diagnostics::counts(&list);
            eprint!("{}", diagnostics::render_human(&list));
            let args = vec![
                ("errors", errors.into()),
                ("warnings", warnings.into()),
                ("folder", folder.into()),
            ];
            eprintln!("{}", messages::text(lang, ids::BUILD_FAILED, &args));
            Ok(ExitCode::from(CONTENT_ERRORS))
        }
    }
}

/// One link of an error's chain in the editor's language, when it is one of nfk's own words
/// about the output folder; the system's error it carries stays as the system says it.
fn words_of(cause: &(dyn std::error::Error + 'static), lang: Language) -> Option<String> {
    if let Some(refusal) = cause.downcast_ref::<nfk::Refusal>() {
        return Some(refusal.message(lang));
    }
    (cause.downcast_ref::<nfk::WriteFailed>()).map(|failed| failed.message(lang))
}

fn exit_for(has_errors: bool) -> ExitCode {
    if has_errors {
        ExitCode::from(CONTENT_ERRORS)
    } else {
        ExitCode::SUCCESS
    }
}

fn new_partner(root: &Path, slug: &str, lang: Language) -> anyhow::Result<ExitCode> {
    let base_year = nfk::load_and_validate(root)
        .site
        .map_or(2019, |s| s.config.results.compare_year);
    let dir = nfk::scaffold::new_partner(root, slug, base_year)?;
    let args = vec![("dir", dir.display().to_string().into())];
    println!("{}", messages::text(lang, ids::NEW_PARTNER_CREATED, &args));
    println!("{}", messages::text(lang, ids::NEW_PARTNER_NEXT, &[]));
    Ok(ExitCode::SUCCESS)
}

fn import(
    options: &nfk::import::ImportOptions,
    dry_run: bool,
    lang: Language,
) -> anyhow::Result<ExitCode> {
    let plan = match nfk::import::plan(options)? {
        Ok(plan) => plan,
        Err(problems) => return Ok(import_failed(problems, lang)),
    };
    let warnings = diagnostics::localized(plan.warnings.clone().sorted(), lang);
    eprint!("{}", diagnostics::render_human(&warnings));
    let mut out = std::io::stdout().lock();
    write!(out, "{}", nfk::import::render(&plan, lang))?;
    let args = vec![("summary", nfk::import::summary(&plan, lang).into())];
    if dry_run {
        writeln!(out, "{}", messages::text(lang, ids::IMPORT_DRY_RUN, &args))?;
        return Ok(ExitCode::SUCCESS);
    }
    match nfk::import::apply(&plan)? {
        Ok(_) => {
            writeln!(out, "{}", messages::text(lang, ids::IMPORT_DONE, &args))?;
            Ok(ExitCode::SUCCESS)
        }
        Err(problems) => Ok(import_failed(problems, lang)),
    }
}

fn import_failed(problems: diagnostics::Diagnostics, lang: Language) -> ExitCode {
    let list = diagnostics::localized(problems.sorted(), lang);
    let (errors, _) = diagnostics::counts(&list);
    eprint!("{}", diagnostics::render_human(&list));
    let args = vec![("errors", errors.into())];
    eprintln!("{}", messages::text(lang, ids::IMPORT_FAILED, &args));
    ExitCode::from(CONTENT_ERRORS)
}

/// The workbook itself is in Norwegian whatever `lang` says: partners fill it in, and the
/// import reads its sheet and column names back.
fn template_xlsx(output: &Path, lang: Language) -> anyhow::Result<ExitCode> {
    let bytes = nfk::import::template::workbook().context("making the workbook")?;
    let mut file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(output)
    {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            let args = vec![("file", output.display().to_string().into())];
            eprintln!(
                "error: {}",
                messages::text(lang, ids::TEMPLATE_EXISTS, &args)
            );
            return Ok(ExitCode::from(FAILURE));
        }
        Err(e) => return Err(e).with_context(|| format!("creating {}", output.display())),
    };
    file.write_all(&bytes)
        .and_then(|()| file.sync_all())
        .with_context(|| format!("writing {}", output.display()))?;
    let args = vec![("file", output.display().to_string().into())];
    println!("{}", messages::text(lang, ids::TEMPLATE_WRITTEN, &args));
    Ok(ExitCode::SUCCESS)
}
