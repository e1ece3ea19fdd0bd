# Filipino as Philippine sites write it, month first and a 12-hour clock:
# "Mar 3, 2027, 9:05 AM" (Django has no format module for Filipino).
DATE_FORMAT = "M j, Y"
DATETIME_FORMAT = "M j, Y, g:i A"
TIME_FORMAT = "g:i A"
