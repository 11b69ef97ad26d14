# Django's Italian formats, with the day of the month as Italian writes it: "1 marzo", not "01".
DATE_FORMAT = "j F Y"  # 1 marzo 2027
DATETIME_FORMAT = "l j F Y H:i"  # lunedì 1 marzo 2027 14:30
MONTH_DAY_FORMAT = "j F"  # 1 marzo
