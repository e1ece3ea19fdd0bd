# Lao as government documents write it, day, full month name and a 24-hour clock:
# "3 ມີນາ 2027, 09:05" (Django has no format module for Lao).
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
TIME_FORMAT = "H:i"
