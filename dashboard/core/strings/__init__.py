"""User-interface strings, one module per feature area, merged by dashboard.core.i18n."""
