"""The OpenAPI description is generated from the code and is valid OpenAPI 3."""

import json

from openapi_spec_validator import validate

from improvement.api.api import api


def test_the_openapi_schema_validates():
    # Served as JSON, whose keys are strings: validate what a client receives.
    schema = json.loads(json.dumps(api.get_openapi_schema(path_prefix="/api/v1")))

    validate(schema)
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/councils/{slug}/actions" in schema["paths"]
    assert "bearer" in json.dumps(schema["components"]["securitySchemes"]).lower()


def test_the_schema_and_its_documentation_page_are_served(client):
    served = client.get("/api/v1/openapi.json")
    docs = client.get("/api/v1/docs")

    assert served.status_code == 200 and served.json()["info"]["title"] == "Improvement Board API"
    assert docs.status_code == 200
    assert b"swagger-ui" in docs.content and b"cdn." not in docs.content
