//! The id of every message in the catalogues, one `const` each, so a typo in an id is a compile
//! error and the tests can check that each id exists in every catalogue (and no message is
//! left unused). Names only: the texts are in `nb.ftl` and `en.ftl`.

macro_rules! ids {
    ($($name:ident = $id:literal,)*) => {
        $(pub const $name: &str = $id;)*
        /// Every id, for the catalogue tests.
        pub const ALL: &[&str] = &[$($id),*];
    };
}

ids! {
    // Command output.
    CHECK_SUMMARY = "check-summary",
    BUILD_SUMMARY = "build-summary",
    BUILD_FAILED = "build-failed",
    RESULTS_CONTENT_ERRORS = "results-content-errors",
    NEW_PARTNER_CREATED = "new-partner-created",
    NEW_PARTNER_NEXT = "new-partner-next",
    // nfk serve: the terminal and the overlay over the page.
    SERVE_BUILT = "serve-built",
    SERVE_REBUILT = "serve-rebuilt",
    SERVE_BUILD_FAILED = "serve-build-failed",
    SERVE_OVERLAY_HEADING = "serve-overlay-heading",
    SERVE_OVERLAY_INTRO = "serve-overlay-intro",
    SERVE_OVERLAY_CLOSE = "serve-overlay-close",
    SERVE_OVERLAY_ERROR = "serve-overlay-error",
    SERVE_OVERLAY_WARNING = "serve-overlay-warning",
    SERVE_OVERLAY_HELP = "serve-overlay-help",
    SERVE_PAGE_LANG = "serve-page-lang",
    SERVE_NOT_BUILT_TITLE = "serve-not-built-title",
    SERVE_NOT_BUILT_HEADING = "serve-not-built-heading",
    SERVE_NOT_BUILT_TEXT = "serve-not-built-text",
    // Help lines shared by many messages.
    DID_YOU_MEAN = "did-you-mean",
    EXPECTED_ONE_OF = "expected-one-of",
    // Emissions.
    EMISSIONS_YEAR_TWICE = "emissions-year-twice",
    EMISSIONS_YEARS_OUT_OF_ORDER = "emissions-years-out-of-order",
    EMISSIONS_YEAR_AFTER_RESULTS = "emissions-year-after-results",
    EMISSIONS_SCOPE2_WITHOUT_LOCATION = "emissions-scope2-without-location",
    EMISSIONS_MARKET_FAR_BELOW_LOCATION = "emissions-market-far-below-location",
    EMISSIONS_UNKNOWN_CATEGORY = "emissions-unknown-category",
    EMISSIONS_SCOPE_WITHOUT_CATEGORIES = "emissions-scope-without-categories",
    // Partner profiles.
    NAME_NOT_FILLED_IN = "name-not-filled-in",
    ORG_NUMBER_NOT_FILLED_IN = "org-number-not-filled-in",
    ORG_NUMBER_NEEDS_QUOTES = "org-number-needs-quotes",
    SECTOR_NOT_FILLED_IN = "sector-not-filled-in",
    EMPLOYEES_NOT_FILLED_IN = "employees-not-filled-in",
    // YAML the parser could not read.
    YAML_QUOTE_NOT_CLOSED = "yaml-quote-not-closed",
    YAML_NOT_A_LIST_ITEM = "yaml-not-a-list-item",
    YAML_KEY_INDENTATION = "yaml-key-indentation",
    YAML_EXPECTED_KEY_VALUE = "yaml-expected-key-value",
    YAML_SECOND_COLON = "yaml-second-colon",
    YAML_BRACKET_NOT_CLOSED = "yaml-bracket-not-closed",
    YAML_FLOW_SEPARATOR = "yaml-flow-separator",
    YAML_CANNOT_START_VALUE = "yaml-cannot-start-value",
    YAML_QUOTE_VALUE_HELP = "yaml-quote-value-help",
    YAML_QUOTE_VALUE_HELP_PLAIN = "yaml-quote-value-help-plain",
    YAML_TAB_INDENTATION = "yaml-tab-indentation",
    YAML_UNKNOWN_KEY = "yaml-unknown-key",
    YAML_NO_KEYS_HERE = "yaml-no-keys-here",
    YAML_EXPECTED_NUMBER = "yaml-expected-number",
    YAML_EXPECTED_WHOLE_NUMBER = "yaml-expected-whole-number",
    YAML_DECIMAL_POINT_HELP = "yaml-decimal-point-help",
    YAML_NO_SPACES_HELP = "yaml-no-spaces-help",
    YAML_ORDINARY_NUMBER_HELP = "yaml-ordinary-number-help",
    YAML_EXPECTED_TEXT = "yaml-expected-text",
    YAML_EXPECTED_KEYS = "yaml-expected-keys",
    YAML_EXPECTED_BOOLEAN = "yaml-expected-boolean",
    YAML_TOO_LARGE = "yaml-too-large",
    YAML_OTHER = "yaml-other",
    YAML_DUPLICATE_KEY = "yaml-duplicate-key",
    YAML_MISSING_KEY = "yaml-missing-key",
    YAML_EMPTY_FILE = "yaml-empty-file",
}
