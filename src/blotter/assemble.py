"""Stage 7, assemble: put the stages' outputs into the DocumentRecord and say what is missing."""

from __future__ import annotations

from .models import Article, DocumentRecord, Incident, Place, Quote


def assemble(article: Article, places: list[Place], quotes: list[Quote], incidents: list[Incident]) -> DocumentRecord:
    warnings = list(article.warnings)
    if not incidents:
        warnings.append("no violent incident found")
    else:
        main = incidents[0]
        if main.date.start is None:
            warnings.append("the incident's date is not stated")
        if main.location.name is None:
            warnings.append("the incident's place could not be resolved")
        if not main.perpetrators and not main.groups:
            warnings.append("no perpetrator is named")
        if main.casualties.killed.best is None and main.casualties.injured.best is None:
            warnings.append("no casualty figure is given")
    return DocumentRecord(
        id=article.id,
        url=article.url,
        site=article.site,
        title=article.title,
        subtitle=article.subtitle,
        authors=article.authors,
        published=article.published,
        updated=article.updated,
        language=article.language,
        text=article.text,
        related_links=article.related_links,
        image_credits=article.image_credits,
        places=places,
        quotes=quotes,
        incidents=incidents,
        warnings=warnings,
    )
