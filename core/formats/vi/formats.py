# Vietnamese day/month/year and a 24-hour clock: "03/03/2027, 09:05" (Django's module
# spells the date out in words, "Ngày 03 tháng 3 năm 2027", too long for a list).
DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "d/m/Y, H:i"
TIME_FORMAT = "H:i"
