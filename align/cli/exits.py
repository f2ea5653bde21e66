"""Exit codes: 0 clean, 1 findings at or above ``--fail-on``, 2 usage or input error."""

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2
