from offices.access import administers_any_office


def administration(request):
    """`may_administer`: show the way into the office administration. Evaluated only when a template
    asks (the navigation bar, for users who are logged in), from the roles the request already knows."""
    return {"may_administer": lambda: administers_any_office(request.user)}
