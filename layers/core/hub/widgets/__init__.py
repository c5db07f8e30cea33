"""Widget data for dashboards: an integration's status, recent activity and provider records
(seed 002 "Widget Data Endpoints")."""
