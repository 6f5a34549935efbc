"""Count what a run saw and where each thing went, and check that nothing was lost."""

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Counts:
    """The counts of one run (or one batch of it); they add up batch by batch."""

    files_seen: int = 0
    files_new: int = 0
    files_unchanged: int = 0
    files_rejected: int = 0
    articles_found: int = 0
    articles_loaded: int = 0
    articles_duplicate: int = 0
    articles_quarantined: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    def problems(self) -> list[str]:
        """What does not add up; empty when every file and article is accounted for."""
        found = []
        files = self.files_new + self.files_unchanged + self.files_rejected
        if self.files_seen != files:
            found.append(
                f"files_seen {self.files_seen} != new {self.files_new} + unchanged {self.files_unchanged}"
                f" + rejected {self.files_rejected}"
            )
        articles = self.articles_loaded + self.articles_duplicate + self.articles_quarantined
        if self.articles_found != articles:
            found.append(
                f"articles_found {self.articles_found} != loaded {self.articles_loaded}"
                f" + duplicate {self.articles_duplicate} + quarantined {self.articles_quarantined}"
            )
        return found


def batch_counts(statuses: list[str], found: int, duplicate: int, quarantined: int, loaded: int) -> Counts:
    """The counts of one batch from what each stage put out: a file seen is a source (an archive's member too)."""
    return Counts(
        files_seen=len(statuses),
        files_new=statuses.count("new"),
        files_unchanged=statuses.count("unchanged"),
        files_rejected=statuses.count("rejected"),
        articles_found=found,
        articles_loaded=loaded,
        articles_duplicate=duplicate,
        articles_quarantined=quarantined,
    )
