# Mongolian year first, as official documents write it: "2027.03.03 09:05" (Django's
# Mongolian module sets only the date, in the American order).
DATE_FORMAT = "Y.m.d"
DATETIME_FORMAT = "Y.m.d H:i"
TIME_FORMAT = "H:i"
