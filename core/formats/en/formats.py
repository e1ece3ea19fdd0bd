# English as read in Asia: day, short month, year and a 24-hour clock, as Intl's en-GB
# {dateStyle: "medium", timeStyle: "short"} prints it: "3 Mar 2027, 09:05".
DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y, H:i"
TIME_FORMAT = "H:i"
