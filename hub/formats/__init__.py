"""Date, time and number formats of the hub's two languages (FORMAT_MODULE_PATH),
over Django's own: British English for `en` (Django's `en` is American: "Jan. 4, 2027,
9:30 a.m."), and French with narrow no-break spaces between thousands. Input formats
are Django's. hub.pages.formatting adds what a format string cannot say (« 1er »)."""
