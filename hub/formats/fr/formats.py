"""French as a French public body writes it: 4 janvier 2027, 9 h 30, 1 020, 41,5
(no-break spaces; narrow between thousands)."""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "G\u00a0\\h\u00a0i"
DATETIME_FORMAT = "j F Y, G\u00a0\\h\u00a0i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y G\u00a0\\h\u00a0i"
FIRST_DAY_OF_WEEK = 1  # lundi
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\u202f"
NUMBER_GROUPING = 3
