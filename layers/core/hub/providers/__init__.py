"""Provider templates: the built-in catalog of providers the hub can connect to."""

from hub.providers.templates import (
    ApiAuth,
    ProviderTemplate,
    TemplateLoadError,
    api_base_url,
    build_api_auth,
    clear_template_cache,
    get_template,
    load_templates,
    render_url,
    resolve_connection_config,
    template_summary,
)

__all__ = [
    "ApiAuth",
    "ProviderTemplate",
    "TemplateLoadError",
    "api_base_url",
    "build_api_auth",
    "clear_template_cache",
    "get_template",
    "load_templates",
    "render_url",
    "resolve_connection_config",
    "template_summary",
]
