"""Project middleware."""

from csp.middleware import CSPMiddleware

# The Wagtail and Django admins still rely on inline styles and scripts; editors are
# trusted staff, so their pages get a looser policy. The public site keeps the strict one.
ADMIN_PREFIXES = ("/admin/", "/django-admin/")
ADMIN_POLICY_UPDATE = {
    "script-src": ["'unsafe-inline'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
    "frame-ancestors": ["'self'"],  # Wagtail previews itself in an iframe
}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with a looser policy under the admin prefixes."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIXES):
            parts.update = {**ADMIN_POLICY_UPDATE, **(parts.update or {})}
        return parts
