"""How the public pages show the open data files: each with its format and size,
as GOV.UK shows an attachment ("CSV, 2.1 KB")."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.template.defaultfilters import filesizeformat
from django.urls import reverse

from improvement.core.models import Council
from improvement.public import downloads


@dataclass
class FileLink:
    title: str
    description: str
    url: str
    size: str

    @property
    def label(self) -> str:
        return f"CSV, {self.size}"


def data_files(request: HttpRequest, council: Council) -> list[FileLink]:
    return [
        FileLink(
            found.title,
            found.description,
            reverse("public:data_file", args=[council.slug, name]),
            filesizeformat(len(downloads.csv_file(request, council, name))).replace("\xa0", " "),
        )
        for name, found in downloads.FILES.items()
    ]
