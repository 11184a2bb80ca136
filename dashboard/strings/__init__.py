"""User-interface strings, one module per feature area, merged by dashboard.i18n."""
