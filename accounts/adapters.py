from allauth.account.adapter import DefaultAccountAdapter

from .services import on_email_verified


class AccountAdapter(DefaultAccountAdapter):
    def confirm_email(self, request, email_address):
        verified = super().confirm_email(request, email_address)
        if verified:
            on_email_verified(email_address.user)
        return verified
