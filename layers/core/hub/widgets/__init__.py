"""Widget data for dashboards: an integration's status, recent activity and provider records
(README.md, "Search and widgets")."""
