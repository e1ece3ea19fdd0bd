# Malay with a 24-hour clock, as Malaysian government sites write it: "3 Mac 2027, 09:05"
# (Django's module uses a 12-hour clock with "p.m.").
DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y, H:i"
TIME_FORMAT = "H:i"
