from .specs import Org

ORGANISATIONS = [
    Org("Solidarius Italia", "association", "IT"),
    Org("RIPESS Europe", "network", "LU"),
    Org("UFISC", "network", "FR"),
    Org("Fekete Sereg", "association", "HU"),
    Org("CRIES", "association", "RO"),
    Org("Largo Residências", "cooperative", "PT"),
    Org("European Commission", "public_body", "BE"),
    Org("Ministero del Lavoro e delle Politiche Sociali", "public_body", "IT"),
    Org("Provincia autonoma di Trento", "public_body", "IT"),
    Org("Provincie Fryslân", "public_body", "NL"),
    Org("International Training Centre of the ILO (ITCILO)", "other", "IT"),
    Org("Sorbonne Paris Nord University", "university", "FR"),
    Org("CoopCycle", "cooperative", "FR"),
    Org("Casa do Impacto", "social_enterprise", "PT"),
    Org("SOS Group", "social_enterprise", ""),
    Org("Rome Social Solidarity Economy District", "network", "IT"),
    Org("Legacoopsociali", "network", "IT"),
]
