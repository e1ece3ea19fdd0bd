# Thai as Intl's th {dateStyle: "medium", timeStyle: "short"} prints it, in the Gregorian
# calendar the rest of the site uses: "3 มี.ค. 2027 09:05".
DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y H:i"
TIME_FORMAT = "H:i"
