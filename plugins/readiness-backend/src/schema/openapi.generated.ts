// Generated from openapi.yaml by `yarn generate:openapi`. Do not edit by hand.
/* eslint-disable */
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = {
  "openapi": "3.0.3",
  "info": {
    "title": "readiness",
    "version": "1",
    "description": "Production readiness of catalog entities, scored against scorecards.",
    "license": {
      "name": "Apache-2.0",
      "url": "http://www.apache.org/licenses/LICENSE-2.0.html"
    }
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "components": {
    "parameters": {
      "initiativeId": {
        "name": "id",
        "in": "path",
        "required": true,
        "schema": {
          "type": "string",
          "maxLength": 20
        }
      },
      "ifMatch": {
        "name": "If-Match",
        "in": "header",
        "description": "The version you read (the ETag of GET …/ownership). Required; 428 without it.",
        "required": false,
        "schema": {
          "type": "string"
        }
      },
      "kind": {
        "name": "kind",
        "in": "path",
        "required": true,
        "schema": {
          "type": "string"
        }
      },
      "namespace": {
        "name": "namespace",
        "in": "path",
        "required": true,
        "schema": {
          "type": "string"
        }
      },
      "name": {
        "name": "name",
        "in": "path",
        "required": true,
        "schema": {
          "type": "string"
        }
      },
      "scorecard": {
        "name": "scorecard",
        "in": "query",
        "required": false,
        "description": "Scorecard name; defaults to the first scorecard in config.",
        "schema": {
          "type": "string"
        }
      }
    },
    "schemas": {
      "PreviewStanding": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "ready",
              "needs-work",
              "blocked"
            ]
          },
          "score": {
            "type": "number"
          }
        },
        "required": [
          "status",
          "score"
        ]
      },
      "StatusCounts": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "ready": {
            "type": "integer"
          },
          "needs-work": {
            "type": "integer"
          },
          "blocked": {
            "type": "integer"
          }
        },
        "required": [
          "ready",
          "needs-work",
          "blocked"
        ]
      },
      "ScorecardPreview": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "evaluatedAt": {
            "type": "string"
          },
          "scorecards": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "name": {
                  "type": "string"
                },
                "title": {
                  "type": "string"
                },
                "base": {
                  "type": "string",
                  "enum": [
                    "running",
                    "yaml",
                    "none"
                  ]
                },
                "entities": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "before": {
                      "type": "integer"
                    },
                    "after": {
                      "type": "integer"
                    }
                  },
                  "required": [
                    "before",
                    "after"
                  ]
                },
                "totals": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "before": {
                      "$ref": "#/components/schemas/StatusCounts"
                    },
                    "after": {
                      "$ref": "#/components/schemas/StatusCounts"
                    }
                  },
                  "required": [
                    "before",
                    "after"
                  ]
                },
                "meanScore": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "before": {
                      "type": "number"
                    },
                    "after": {
                      "type": "number"
                    }
                  }
                },
                "moves": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "properties": {
                      "entityRef": {
                        "type": "string"
                      },
                      "title": {
                        "type": "string"
                      },
                      "before": {
                        "$ref": "#/components/schemas/PreviewStanding"
                      },
                      "after": {
                        "$ref": "#/components/schemas/PreviewStanding"
                      },
                      "newlyFailing": {
                        "type": "array",
                        "items": {
                          "type": "string"
                        }
                      },
                      "newlyPassing": {
                        "type": "array",
                        "items": {
                          "type": "string"
                        }
                      }
                    },
                    "required": [
                      "entityRef",
                      "newlyFailing",
                      "newlyPassing"
                    ]
                  }
                },
                "movesTotal": {
                  "type": "integer"
                },
                "toBlocked": {
                  "type": "integer"
                },
                "checks": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "properties": {
                      "checkId": {
                        "type": "string"
                      },
                      "title": {
                        "type": "string"
                      },
                      "failingBefore": {
                        "type": "integer"
                      },
                      "failingAfter": {
                        "type": "integer"
                      },
                      "change": {
                        "type": "string",
                        "enum": [
                          "added",
                          "removed",
                          "changed"
                        ]
                      }
                    },
                    "required": [
                      "checkId",
                      "title",
                      "failingBefore",
                      "failingAfter"
                    ]
                  }
                }
              },
              "required": [
                "name",
                "title",
                "base",
                "entities",
                "totals",
                "meanScore",
                "moves",
                "movesTotal",
                "toBlocked",
                "checks"
              ]
            }
          }
        },
        "required": [
          "evaluatedAt",
          "scorecards"
        ]
      },
      "Error": {
        "type": "object",
        "properties": {
          "error": {
            "type": "object",
            "properties": {
              "name": {
                "type": "string"
              },
              "message": {
                "type": "string"
              }
            },
            "required": [
              "name",
              "message"
            ],
            "additionalProperties": true
          },
          "request": {
            "type": "object",
            "additionalProperties": true
          },
          "response": {
            "type": "object",
            "additionalProperties": true
          }
        },
        "required": [
          "error"
        ]
      },
      "Status": {
        "type": "string",
        "enum": [
          "ready",
          "needs-work",
          "blocked"
        ]
      },
      "ScorecardSummary": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "revision": {
            "type": "object",
            "additionalProperties": false,
            "description": "The version in use, the content hash and `metadata.revision` when set.",
            "properties": {
              "hash": {
                "type": "string"
              },
              "label": {
                "type": "string"
              }
            },
            "required": [
              "hash"
            ]
          },
          "name": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "passingScore": {
            "type": "number"
          },
          "scoring": {
            "type": "string",
            "enum": [
              "weighted",
              "items"
            ],
            "description": "How the score counts, by weight or every check as one item."
          },
          "areas": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "id": {
                  "type": "string"
                },
                "title": {
                  "type": "string"
                },
                "checks": {
                  "type": "integer"
                }
              },
              "required": [
                "id",
                "title",
                "checks"
              ]
            }
          },
          "levels": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "id": {
                  "type": "string"
                },
                "title": {
                  "type": "string"
                }
              },
              "required": [
                "id",
                "title"
              ]
            }
          },
          "checks": {
            "type": "array",
            "description": "Every check, so that pages can show titles where results carry ids.",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "id": {
                  "type": "string"
                },
                "title": {
                  "type": "string"
                },
                "area": {
                  "type": "string"
                },
                "severity": {
                  "type": "string",
                  "enum": [
                    "critical",
                    "required",
                    "recommended"
                  ]
                }
              },
              "required": [
                "id",
                "title",
                "area",
                "severity"
              ]
            }
          },
          "appliesTo": {
            "type": "object",
            "description": "The scorecard's spec.appliesTo, as written.",
            "additionalProperties": true
          },
          "problems": {
            "type": "array",
            "description": "What keeps the scorecard from working here, e.g. a sign-off group the catalog does not have.",
            "items": {
              "type": "string"
            }
          }
        },
        "required": [
          "name",
          "title",
          "passingScore",
          "scoring",
          "areas",
          "levels",
          "checks",
          "appliesTo"
        ]
      },
      "CheckResult": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "checkId": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "area": {
            "type": "string"
          },
          "severity": {
            "type": "string",
            "enum": [
              "critical",
              "required",
              "recommended"
            ]
          },
          "weight": {
            "type": "number"
          },
          "result": {
            "type": "string",
            "enum": [
              "pass",
              "fail",
              "error",
              "exempt",
              "unknown",
              "not-applicable"
            ]
          },
          "message": {
            "type": "string"
          },
          "observed": {
            "description": "The value that was compared (any JSON)."
          },
          "threshold": {
            "description": "The value it was compared with (any JSON)."
          },
          "evidence": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "source": {
                "type": "string"
              },
              "observedAt": {
                "type": "string"
              },
              "url": {
                "type": "string"
              },
              "by": {
                "type": "string"
              },
              "expiresAt": {
                "type": "string"
              },
              "note": {
                "type": "string"
              }
            }
          },
          "enforceFrom": {
            "type": "string"
          },
          "upcoming": {
            "type": "boolean"
          },
          "counted": {
            "type": "boolean"
          },
          "remediation": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "text": {
                "type": "string"
              },
              "link": {
                "type": "string"
              }
            }
          }
        },
        "required": [
          "checkId",
          "title",
          "area",
          "severity",
          "weight",
          "result",
          "message",
          "counted"
        ]
      },
      "AreaScore": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "score": {
            "type": "number"
          },
          "passed": {
            "type": "integer"
          },
          "total": {
            "type": "integer"
          },
          "failing": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        },
        "required": [
          "id",
          "title",
          "score",
          "passed",
          "total",
          "failing"
        ]
      },
      "EntityResult": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "scorecard": {
            "type": "string"
          },
          "status": {
            "$ref": "#/components/schemas/Status"
          },
          "score": {
            "type": "number"
          },
          "passingScore": {
            "type": "number"
          },
          "level": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "id": {
                "type": "string"
              },
              "title": {
                "type": "string"
              }
            },
            "required": [
              "id",
              "title"
            ]
          },
          "verdict": {
            "type": "string"
          },
          "areas": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AreaScore"
            }
          },
          "checks": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/CheckResult"
            }
          },
          "evaluatedAt": {
            "type": "string"
          },
          "validUntil": {
            "type": "string",
            "description": "When the result can change by the passing of time alone (evidence or an exemption runs out, a check starts to count)."
          },
          "changedAt": {
            "type": "string"
          },
          "stale": {
            "type": "boolean"
          }
        },
        "required": [
          "entityRef",
          "scorecard",
          "status",
          "score",
          "passingScore",
          "verdict",
          "areas",
          "checks",
          "evaluatedAt",
          "stale"
        ]
      },
      "Owners": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "owner": {
            "type": "string"
          },
          "incident": {
            "type": "string"
          },
          "technical": {
            "type": "string"
          },
          "communication": {
            "type": "string"
          },
          "channel": {
            "type": "string"
          },
          "runbook": {
            "type": "string"
          },
          "goLiveDate": {
            "type": "string"
          }
        }
      },
      "EntityReadinessResponse": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "owners": {
            "$ref": "#/components/schemas/Owners"
          },
          "results": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/EntityResult"
            }
          },
          "applicableScorecards": {
            "type": "array",
            "description": "The scorecards that apply to the entity (by name); with no results, empty means none applies and otherwise it has not been evaluated yet.",
            "items": {
              "type": "string"
            }
          }
        },
        "required": [
          "entityRef",
          "owners",
          "results",
          "applicableScorecards"
        ]
      },
      "ResultRow": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "scorecard": {
            "type": "string"
          },
          "kind": {
            "type": "string"
          },
          "namespace": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "type": {
            "type": "string"
          },
          "lifecycle": {
            "type": "string"
          },
          "owner": {
            "type": "string"
          },
          "system": {
            "type": "string"
          },
          "domain": {
            "type": "string"
          },
          "status": {
            "$ref": "#/components/schemas/Status"
          },
          "score": {
            "type": "number"
          },
          "level": {
            "type": "string"
          },
          "failingChecks": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "notApplicableChecks": {
            "description": "Checks that do not apply to the entity (their `when:` does not hold).",
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "upcomingChecks": {
            "description": "Checks not enforced yet (`enforceFrom` ahead) that do not pass; they do not count, an initiative on them does.",
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "areaScores": {
            "type": "object",
            "additionalProperties": {
              "type": "number"
            }
          },
          "changedAt": {
            "type": "string"
          },
          "stale": {
            "type": "boolean"
          }
        },
        "required": [
          "entityRef",
          "scorecard",
          "kind",
          "namespace",
          "name",
          "status",
          "score",
          "failingChecks",
          "notApplicableChecks",
          "areaScores",
          "changedAt",
          "stale"
        ]
      },
      "OwnershipRoles": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "incident": {
            "type": "string",
            "maxLength": 255
          },
          "technical": {
            "type": "string",
            "maxLength": 255
          },
          "communication": {
            "type": "string",
            "maxLength": 255
          },
          "channel": {
            "type": "string",
            "maxLength": 255
          },
          "runbook": {
            "type": "string",
            "maxLength": 2000
          },
          "goLiveDate": {
            "type": "string",
            "maxLength": 10,
            "description": "The go-live date, YYYY-MM-DD (readiness/go-live-date)."
          }
        }
      },
      "OwnershipField": {
        "type": "string",
        "enum": [
          "incident",
          "technical",
          "communication",
          "channel",
          "runbook",
          "goLiveDate"
        ]
      },
      "InitiativeInput": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "title": {
            "type": "string",
            "maxLength": 200
          },
          "description": {
            "type": "string",
            "maxLength": 4000
          },
          "scorecard": {
            "type": "string",
            "maxLength": 100
          },
          "goal": {
            "type": "object",
            "additionalProperties": false,
            "description": "{ level } or { checks }",
            "properties": {
              "level": {
                "type": "string",
                "maxLength": 64
              },
              "checks": {
                "type": "array",
                "maxItems": 100,
                "items": {
                  "type": "string",
                  "maxLength": 100
                }
              }
            }
          },
          "scope": {
            "$ref": "#/components/schemas/InitiativeScope"
          },
          "startsOn": {
            "type": "string",
            "maxLength": 10
          },
          "deadline": {
            "type": "string",
            "maxLength": 10
          },
          "owner": {
            "type": "string",
            "maxLength": 255
          },
          "sponsor": {
            "type": "string",
            "maxLength": 255
          },
          "status": {
            "type": "string",
            "enum": [
              "draft",
              "active"
            ]
          }
        },
        "required": [
          "title",
          "scorecard",
          "goal",
          "scope",
          "startsOn",
          "deadline",
          "owner"
        ]
      },
      "InitiativeScope": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "owner": {
            "type": "array",
            "maxItems": 50,
            "items": {
              "type": "string",
              "maxLength": 255
            }
          },
          "system": {
            "type": "array",
            "maxItems": 50,
            "items": {
              "type": "string",
              "maxLength": 255
            }
          },
          "domain": {
            "type": "array",
            "maxItems": 50,
            "items": {
              "type": "string",
              "maxLength": 255
            }
          },
          "lifecycle": {
            "type": "array",
            "maxItems": 50,
            "items": {
              "type": "string",
              "maxLength": 64
            }
          }
        }
      },
      "Initiative": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "scorecard": {
            "type": "string"
          },
          "goal": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "level": {
                "type": "string"
              },
              "checks": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              }
            }
          },
          "scope": {
            "$ref": "#/components/schemas/InitiativeScope"
          },
          "startsOn": {
            "type": "string"
          },
          "deadline": {
            "type": "string"
          },
          "owner": {
            "type": "string"
          },
          "sponsor": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "draft",
              "active"
            ]
          },
          "state": {
            "type": "string",
            "enum": [
              "draft",
              "active",
              "done",
              "missed"
            ]
          },
          "version": {
            "type": "integer"
          },
          "createdBy": {
            "type": "string"
          },
          "createdAt": {
            "type": "string"
          },
          "updatedBy": {
            "type": "string"
          },
          "updatedAt": {
            "type": "string"
          },
          "progress": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "total": {
                "type": "integer"
              },
              "met": {
                "type": "integer"
              },
              "open": {
                "type": "integer"
              }
            },
            "required": [
              "total",
              "met",
              "open"
            ]
          },
          "open": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "entityRef": {
                  "type": "string"
                },
                "title": {
                  "type": "string"
                },
                "owner": {
                  "type": "string"
                },
                "missing": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "properties": {
                      "checkId": {
                        "type": "string"
                      },
                      "title": {
                        "type": "string"
                      },
                      "remediation": {
                        "type": "string"
                      }
                    },
                    "required": [
                      "title"
                    ]
                  }
                }
              },
              "required": [
                "entityRef",
                "missing"
              ]
            }
          },
          "forOwner": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "owner": {
                "type": "string"
              },
              "total": {
                "type": "integer"
              },
              "met": {
                "type": "integer"
              },
              "open": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              }
            },
            "required": [
              "owner",
              "total",
              "met",
              "open"
            ]
          },
          "forEntity": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "entityRef": {
                "type": "string"
              },
              "met": {
                "type": "boolean"
              },
              "missing": {
                "type": "array",
                "items": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "checkId": {
                      "type": "string"
                    },
                    "title": {
                      "type": "string"
                    },
                    "remediation": {
                      "type": "string"
                    }
                  },
                  "required": [
                    "title"
                  ]
                }
              }
            },
            "required": [
              "entityRef",
              "met",
              "missing"
            ]
          },
          "burnup": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "day": {
                  "type": "string"
                },
                "met": {
                  "type": "integer"
                },
                "total": {
                  "type": "integer"
                }
              },
              "required": [
                "day",
                "met",
                "total"
              ]
            }
          },
          "burnupByOwner": {
            "description": "The burn-up of each owner's (spec.owner) entities in scope.",
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "owner": {
                  "type": "string"
                },
                "burnup": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "properties": {
                      "day": {
                        "type": "string"
                      },
                      "met": {
                        "type": "integer"
                      },
                      "total": {
                        "type": "integer"
                      }
                    },
                    "required": [
                      "day",
                      "met",
                      "total"
                    ]
                  }
                }
              },
              "required": [
                "owner",
                "burnup"
              ]
            }
          },
          "byOwner": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "owner": {
                  "type": "string"
                },
                "met": {
                  "type": "integer"
                },
                "total": {
                  "type": "integer"
                }
              },
              "required": [
                "owner",
                "met",
                "total"
              ]
            }
          }
        },
        "required": [
          "id",
          "title",
          "scorecard",
          "goal",
          "scope",
          "startsOn",
          "deadline",
          "owner",
          "status",
          "state",
          "version",
          "createdBy",
          "createdAt",
          "updatedBy",
          "updatedAt",
          "progress"
        ]
      },
      "OwnerConfirmation": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "role": {
            "type": "string",
            "enum": [
              "incident",
              "technical",
              "communication"
            ]
          },
          "ownerRef": {
            "type": "string"
          },
          "confirmedBy": {
            "type": "string"
          },
          "confirmedAt": {
            "type": "string"
          },
          "reason": {
            "type": "string"
          }
        },
        "required": [
          "entityRef",
          "role",
          "ownerRef",
          "confirmedBy",
          "confirmedAt"
        ]
      },
      "OnboardingField": {
        "type": "string",
        "enum": [
          "incident",
          "technical",
          "communication",
          "channel",
          "runbook"
        ]
      },
      "OwnershipChange": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "oldRoles": {
            "$ref": "#/components/schemas/OwnershipRoles"
          },
          "newRoles": {
            "$ref": "#/components/schemas/OwnershipRoles"
          },
          "changedBy": {
            "type": "string"
          },
          "changedAt": {
            "type": "string"
          },
          "reason": {
            "type": "string"
          },
          "confirmed": {
            "type": "array",
            "items": {
              "type": "string",
              "enum": [
                "incident",
                "technical",
                "communication"
              ]
            }
          }
        },
        "required": [
          "entityRef",
          "newRoles",
          "changedBy",
          "changedAt"
        ]
      },
      "CheckChange": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "scorecard": {
            "type": "string"
          },
          "checkId": {
            "type": "string"
          },
          "oldResult": {
            "type": "string"
          },
          "newResult": {
            "type": "string"
          },
          "oldMessage": {
            "type": "string"
          },
          "newMessage": {
            "type": "string"
          },
          "changedAt": {
            "type": "string"
          },
          "byScorecard": {
            "type": "boolean",
            "description": "The flip came with a new scorecard revision (the rule changed, not the service)."
          }
        },
        "required": [
          "entityRef",
          "scorecard",
          "checkId",
          "changedAt"
        ]
      },
      "OwnershipResponse": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "version": {
            "type": "integer",
            "description": "Send it back as If-Match when saving; 0 when nothing was edited yet."
          },
          "effective": {
            "$ref": "#/components/schemas/OwnershipRoles"
          },
          "catalog": {
            "$ref": "#/components/schemas/OwnershipRoles"
          },
          "edited": {
            "allOf": [
              {
                "$ref": "#/components/schemas/OwnershipRoles"
              }
            ],
            "description": "The fields edited in the UI ('' = removed); the others follow catalog-info.yaml."
          },
          "overridden": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/OwnershipField"
            }
          },
          "fileChanged": {
            "type": "array",
            "description": "Edited fields whose value in catalog-info.yaml changed since the edit.",
            "items": {
              "$ref": "#/components/schemas/OwnershipField"
            }
          },
          "problems": {
            "type": "object",
            "description": "What is wrong with the values in effect, per field.",
            "additionalProperties": false,
            "properties": {
              "incident": {
                "type": "string"
              },
              "technical": {
                "type": "string"
              },
              "communication": {
                "type": "string"
              },
              "channel": {
                "type": "string"
              },
              "runbook": {
                "type": "string"
              },
              "goLiveDate": {
                "type": "string"
              }
            }
          },
          "differsFromCatalog": {
            "type": "boolean"
          },
          "updatedBy": {
            "type": "string"
          },
          "updatedAt": {
            "type": "string"
          },
          "canEdit": {
            "type": "boolean"
          },
          "history": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/OwnershipChange"
            }
          },
          "confirmations": {
            "type": "object",
            "description": "The latest confirmation of each role whose owner in effect is the one confirmed.",
            "additionalProperties": false,
            "properties": {
              "incident": {
                "$ref": "#/components/schemas/OwnerConfirmation"
              },
              "technical": {
                "$ref": "#/components/schemas/OwnerConfirmation"
              },
              "communication": {
                "$ref": "#/components/schemas/OwnerConfirmation"
              }
            }
          }
        },
        "required": [
          "entityRef",
          "version",
          "effective",
          "catalog",
          "overridden",
          "fileChanged",
          "problems",
          "differsFromCatalog",
          "canEdit",
          "history",
          "confirmations"
        ]
      },
      "HistoryResponse": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "points": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "scorecard": {
                  "type": "string"
                },
                "day": {
                  "type": "string"
                },
                "status": {
                  "$ref": "#/components/schemas/Status"
                },
                "score": {
                  "type": "number"
                },
                "level": {
                  "type": "string"
                },
                "revision": {
                  "type": "string",
                  "description": "The scorecard revision of the point (label · content hash); a change from the point before marks a scorecard change."
                }
              },
              "required": [
                "scorecard",
                "day",
                "status",
                "score"
              ]
            }
          },
          "changes": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/CheckChange"
            }
          }
        },
        "required": [
          "entityRef",
          "points",
          "changes"
        ]
      },
      "FactInput": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string",
            "description": "a-z, 0-9, \".\", \"_\" and \"-\", up to 100 characters."
          },
          "value": {
            "description": "Any JSON value, up to 64 KiB and 10 levels deep."
          },
          "observedAt": {
            "type": "string",
            "description": "ISO 8601; defaults to the time the fact arrives; not in the future."
          },
          "source": {
            "type": "string",
            "maxLength": 200,
            "description": "Defaults to the caller."
          }
        },
        "required": [
          "id",
          "value"
        ]
      },
      "EntityFacts": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "facts": {
            "type": "array",
            "maxItems": 50,
            "items": {
              "$ref": "#/components/schemas/FactInput"
            }
          }
        },
        "required": [
          "entityRef",
          "facts"
        ]
      },
      "AttestationRecord": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "entityRef": {
            "type": "string"
          },
          "checkId": {
            "type": "string"
          },
          "attestedBy": {
            "type": "string"
          },
          "attestedAt": {
            "type": "string"
          },
          "expiresAt": {
            "type": "string"
          },
          "evidenceUrl": {
            "type": "string"
          },
          "note": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "valid",
              "expired",
              "revoked"
            ]
          },
          "revokedAt": {
            "type": "string"
          },
          "revokedBy": {
            "type": "string"
          },
          "revokeReason": {
            "type": "string"
          }
        },
        "required": [
          "id",
          "entityRef",
          "checkId",
          "attestedBy",
          "attestedAt",
          "status"
        ]
      },
      "AttestationsResponse": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AttestationRecord"
            }
          },
          "canAttest": {
            "type": "boolean"
          },
          "checks": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "checkId": {
                  "type": "string"
                },
                "title": {
                  "type": "string"
                },
                "maxDays": {
                  "type": "integer"
                },
                "evidence": {
                  "type": "string",
                  "enum": [
                    "url",
                    "note",
                    "url-or-note",
                    "url-and-note"
                  ]
                }
              },
              "required": [
                "checkId",
                "title",
                "maxDays"
              ]
            }
          }
        },
        "required": [
          "items",
          "canAttest",
          "checks"
        ]
      },
      "ExemptionRecord": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "entityRef": {
            "type": "string"
          },
          "checkId": {
            "type": "string"
          },
          "reason": {
            "type": "string"
          },
          "requestedBy": {
            "type": "string"
          },
          "approvedBy": {
            "type": "string"
          },
          "createdAt": {
            "type": "string"
          },
          "grantedAt": {
            "type": "string"
          },
          "expiresAt": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "requested",
              "granted",
              "expired",
              "revoked"
            ]
          },
          "revokedAt": {
            "type": "string"
          },
          "revokedBy": {
            "type": "string"
          },
          "revokeReason": {
            "type": "string"
          }
        },
        "required": [
          "id",
          "entityRef",
          "checkId",
          "reason",
          "createdAt",
          "status"
        ]
      },
      "ExemptionsResponse": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ExemptionRecord"
            }
          },
          "canRequest": {
            "type": "boolean"
          },
          "canGrant": {
            "type": "boolean"
          },
          "maxDays": {
            "type": "integer"
          }
        },
        "required": [
          "items",
          "canRequest",
          "canGrant",
          "maxDays"
        ]
      },
      "GoLiveDailyItem": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean"
          },
          "note": {
            "type": "string",
            "maxLength": 1000
          }
        },
        "required": [
          "ok"
        ]
      },
      "GoLiveDailyCheck": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "day": {
            "type": "string"
          },
          "items": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "errorRate": {
                "$ref": "#/components/schemas/GoLiveDailyItem"
              },
              "latency": {
                "$ref": "#/components/schemas/GoLiveDailyItem"
              },
              "failedJobs": {
                "$ref": "#/components/schemas/GoLiveDailyItem"
              },
              "userFeedback": {
                "$ref": "#/components/schemas/GoLiveDailyItem"
              },
              "connectorHealth": {
                "$ref": "#/components/schemas/GoLiveDailyItem"
              }
            },
            "required": [
              "errorRate",
              "latency",
              "failedJobs",
              "userFeedback",
              "connectorHealth"
            ]
          },
          "checkedBy": {
            "type": "string"
          },
          "checkedAt": {
            "type": "string"
          }
        },
        "required": [
          "day",
          "items",
          "checkedBy",
          "checkedAt"
        ]
      },
      "GoLiveSignoff": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "integer"
          },
          "role": {
            "type": "string"
          },
          "scorecard": {
            "type": "string"
          },
          "goLiveDate": {
            "type": "string"
          },
          "signedBy": {
            "type": "string"
          },
          "signedAt": {
            "type": "string"
          },
          "note": {
            "type": "string"
          },
          "voidedAt": {
            "type": "string"
          },
          "voidReason": {
            "type": "string"
          }
        },
        "required": [
          "id",
          "role",
          "signedBy",
          "signedAt"
        ]
      },
      "GoLivePhase": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "phase": {
            "type": "string",
            "enum": [
              "unscheduled",
              "preparing",
              "checklist",
              "sign-off",
              "launch",
              "first-week",
              "weekly-review",
              "closed"
            ]
          },
          "day": {
            "type": "integer"
          },
          "label": {
            "type": "string"
          },
          "title": {
            "type": "string"
          }
        },
        "required": [
          "phase",
          "title"
        ]
      },
      "GoLiveDecisionValue": {
        "type": "string",
        "enum": [
          "not-ready",
          "pilot",
          "awaiting-sign-off",
          "launch"
        ]
      },
      "GoLiveDecision": {
        "type": "object",
        "additionalProperties": false,
        "description": "May it go live, by checklists [000] and [001].",
        "properties": {
          "decision": {
            "$ref": "#/components/schemas/GoLiveDecisionValue"
          },
          "text": {
            "type": "string"
          },
          "short": {
            "type": "string"
          },
          "incompleteAreas": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "id": {
                  "type": "string"
                },
                "title": {
                  "type": "string"
                },
                "open": {
                  "type": "array",
                  "items": {
                    "type": "string"
                  }
                }
              },
              "required": [
                "id",
                "title",
                "open"
              ]
            }
          },
          "blocking": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        },
        "required": [
          "decision",
          "text",
          "short",
          "incompleteAreas",
          "blocking"
        ]
      },
      "GoLiveResponse": {
        "type": "object",
        "additionalProperties": false,
        "description": "Where an entity is on its way to production and through its first weeks.",
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "goLiveDate": {
            "type": "string"
          },
          "invalidGoLiveDate": {
            "type": "string"
          },
          "phase": {
            "$ref": "#/components/schemas/GoLivePhase"
          },
          "status": {
            "$ref": "#/components/schemas/Status"
          },
          "scorecard": {
            "type": "string"
          },
          "decision": {
            "$ref": "#/components/schemas/GoLiveDecision"
          },
          "checklists": {
            "type": "array",
            "description": "The phases' checklists (goLive.phases of the scorecard), weekly reviews once per week.",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "phase": {
                  "type": "string",
                  "enum": [
                    "checklist",
                    "sign-off",
                    "launch",
                    "first-week",
                    "weekly-review"
                  ]
                },
                "occurrence": {
                  "type": "string"
                },
                "label": {
                  "type": "string"
                },
                "opensOn": {
                  "type": "string"
                },
                "complete": {
                  "type": "boolean"
                },
                "items": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "properties": {
                      "id": {
                        "type": "string"
                      },
                      "title": {
                        "type": "string"
                      },
                      "doneBy": {
                        "type": "string"
                      },
                      "doneAt": {
                        "type": "string"
                      },
                      "note": {
                        "type": "string"
                      }
                    },
                    "required": [
                      "id",
                      "title"
                    ]
                  }
                }
              },
              "required": [
                "phase",
                "occurrence",
                "label",
                "opensOn",
                "complete",
                "items"
              ]
            }
          },
          "signoff": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "roles": {
                "type": "array",
                "items": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "id": {
                      "type": "string"
                    },
                    "title": {
                      "type": "string"
                    },
                    "group": {
                      "type": "string"
                    },
                    "independent": {
                      "type": "boolean"
                    },
                    "canSign": {
                      "type": "boolean",
                      "description": "Whether the caller may sign this open role (group, independence, roles per person)."
                    },
                    "whyNot": {
                      "type": "string"
                    },
                    "signoff": {
                      "$ref": "#/components/schemas/GoLiveSignoff"
                    }
                  },
                  "required": [
                    "id",
                    "title"
                  ]
                }
              },
              "voided": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/GoLiveSignoff"
                }
              },
              "complete": {
                "type": "boolean"
              }
            },
            "required": [
              "roles",
              "voided",
              "complete"
            ]
          },
          "firstWeek": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "day": {
                  "type": "integer"
                },
                "date": {
                  "type": "string"
                },
                "state": {
                  "type": "string",
                  "enum": [
                    "done",
                    "late",
                    "missed",
                    "due",
                    "upcoming"
                  ]
                },
                "check": {
                  "$ref": "#/components/schemas/GoLiveDailyCheck"
                }
              },
              "required": [
                "day",
                "date",
                "state"
              ]
            }
          },
          "missedDailyChecks": {
            "type": "integer"
          },
          "lateDailyChecks": {
            "type": "integer"
          },
          "canSign": {
            "type": "boolean"
          },
          "canRecord": {
            "type": "boolean"
          },
          "dailyChecks": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/GoLiveDailyCheck"
            }
          },
          "riskyActions": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "id": {
                  "type": "integer"
                },
                "kind": {
                  "type": "string",
                  "enum": [
                    "write",
                    "system-update",
                    "external-call"
                  ]
                },
                "description": {
                  "type": "string"
                },
                "owner": {
                  "type": "string"
                },
                "outcome": {
                  "type": "string",
                  "enum": [
                    "as-expected",
                    "unexpected",
                    "isolated",
                    "reverted"
                  ]
                },
                "note": {
                  "type": "string"
                },
                "recordedBy": {
                  "type": "string"
                },
                "recordedAt": {
                  "type": "string"
                }
              },
              "required": [
                "id",
                "kind",
                "description",
                "owner",
                "outcome",
                "recordedBy",
                "recordedAt"
              ]
            }
          },
          "closureReview": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "incidents": {
                "type": "string"
              },
              "supportRequests": {
                "type": "string"
              },
              "qualityDeviations": {
                "type": "string"
              },
              "missingRunbookSteps": {
                "type": "string"
              },
              "reviewedBy": {
                "type": "string"
              },
              "reviewedAt": {
                "type": "string"
              }
            },
            "required": [
              "incidents",
              "supportRequests",
              "qualityDeviations",
              "missingRunbookSteps",
              "reviewedBy",
              "reviewedAt"
            ]
          },
          "closureReviewDue": {
            "type": "boolean"
          }
        },
        "required": [
          "entityRef",
          "phase",
          "signoff",
          "firstWeek",
          "missedDailyChecks",
          "lateDailyChecks",
          "decision",
          "checklists",
          "canSign",
          "canRecord",
          "dailyChecks",
          "riskyActions",
          "closureReviewDue"
        ]
      },
      "GoLiveSummary": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "goLiveDate": {
            "type": "string"
          },
          "phase": {
            "$ref": "#/components/schemas/GoLivePhase"
          },
          "status": {
            "$ref": "#/components/schemas/Status"
          },
          "decision": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "decision": {
                "$ref": "#/components/schemas/GoLiveDecisionValue"
              },
              "short": {
                "type": "string"
              }
            },
            "required": [
              "decision",
              "short"
            ]
          },
          "signoff": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "signed": {
                "type": "integer"
              },
              "total": {
                "type": "integer"
              },
              "complete": {
                "type": "boolean"
              }
            },
            "required": [
              "signed",
              "total",
              "complete"
            ]
          },
          "firstWeek": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "done": {
                "type": "integer"
              },
              "late": {
                "type": "integer"
              },
              "missed": {
                "type": "integer"
              },
              "due": {
                "type": "boolean"
              },
              "notOk": {
                "type": "integer"
              }
            },
            "required": [
              "done",
              "late",
              "missed",
              "due",
              "notOk"
            ]
          },
          "closureReviewDue": {
            "type": "boolean"
          },
          "closureReviewed": {
            "type": "boolean"
          }
        },
        "required": [
          "entityRef",
          "goLiveDate",
          "phase",
          "decision",
          "signoff",
          "firstWeek",
          "closureReviewDue",
          "closureReviewed"
        ]
      },
      "SummaryGroup": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "key": {
            "type": "string"
          },
          "total": {
            "type": "integer"
          },
          "direct": {
            "type": "integer",
            "description": "Entities of this group itself; the rest come from sub-groups."
          },
          "counts": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "ready": {
                "type": "integer"
              },
              "needs-work": {
                "type": "integer"
              },
              "blocked": {
                "type": "integer"
              }
            },
            "required": [
              "ready",
              "needs-work",
              "blocked"
            ]
          },
          "meanScore": {
            "type": "number"
          },
          "areaPassRate": {
            "type": "object",
            "additionalProperties": {
              "type": "number"
            }
          }
        },
        "required": [
          "key",
          "total",
          "counts",
          "meanScore",
          "areaPassRate"
        ]
      }
    }
  },
  "paths": {
    "/health": {
      "get": {
        "operationId": "GetHealth",
        "description": "Liveness of the plugin and its database.",
        "responses": {
          "200": {
            "description": "Healthy.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "status": {
                      "type": "string"
                    },
                    "database": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          },
          "503": {
            "description": "The database does not answer."
          }
        }
      }
    },
    "/scorecards": {
      "get": {
        "operationId": "ListScorecards",
        "description": "The scorecards in config.",
        "responses": {
          "200": {
            "description": "Scorecards.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/ScorecardSummary"
                      }
                    }
                  },
                  "required": [
                    "items"
                  ]
                }
              }
            }
          }
        }
      }
    },
    "/scorecards/preview": {
      "post": {
        "operationId": "PreviewScorecard",
        "description": "Evaluates candidate scorecards (YAML, one or more documents) against the current catalog and the stored evidence, beside the running scorecard of the same name (or `base`), and writes nothing: per scorecard the totals before and after, the entities that move (status, score, checks newly failing or passing; worst first) and the checks whose failing count changes. Limited to the entities the caller may read in the catalog. Needs `readiness.scorecard.preview`; 400 names the field of an invalid scorecard.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "yaml": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 1000000
                  },
                  "base": {
                    "type": "string",
                    "maxLength": 1000000
                  },
                  "limit": {
                    "type": "integer",
                    "minimum": 0,
                    "maximum": 5000
                  }
                },
                "required": [
                  "yaml"
                ]
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "What the candidate would change.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ScorecardPreview"
                }
              }
            }
          },
          "400": {
            "description": "The YAML is not a valid scorecard (the message names the field).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "The caller may not preview scorecards.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/scorecards/reload": {
      "post": {
        "operationId": "ReloadScorecards",
        "description": "Reads the scorecard files again now, on the replica that answers (every replica also does so every `readiness.scorecardReload.frequency`, 30 s by default). A valid change applies to every evaluation that starts after it, and the shards not running start at once; an invalid file answers 400 naming the file and field, and the running scorecards stay. Needs `readiness.scorecard.reload`; audited.",
        "responses": {
          "200": {
            "description": "The scorecards in use after the reload.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "changed": {
                      "type": "boolean"
                    },
                    "revision": {
                      "type": "string"
                    },
                    "scorecards": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "additionalProperties": false,
                        "properties": {
                          "name": {
                            "type": "string"
                          },
                          "revision": {
                            "type": "object",
                            "additionalProperties": false,
                            "properties": {
                              "hash": {
                                "type": "string"
                              },
                              "label": {
                                "type": "string"
                              }
                            },
                            "required": [
                              "hash"
                            ]
                          }
                        },
                        "required": [
                          "name",
                          "revision"
                        ]
                      }
                    }
                  },
                  "required": [
                    "changed",
                    "revision",
                    "scorecards"
                  ]
                }
              }
            }
          },
          "400": {
            "description": "A scorecard file is invalid (the message names the field); nothing changed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "The caller may not reload scorecards.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/scorecards/{id}": {
      "get": {
        "operationId": "GetScorecard",
        "description": "One scorecard, with its full definition.",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The scorecard.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "summary": {
                      "$ref": "#/components/schemas/ScorecardSummary"
                    },
                    "definition": {
                      "type": "object",
                      "additionalProperties": true
                    },
                    "source": {
                      "description": "The file the scorecard was read from (as configured) and its text, comments kept; absent for a scorecard built in code.",
                      "type": "object",
                      "additionalProperties": false,
                      "properties": {
                        "file": {
                          "type": "string"
                        },
                        "yaml": {
                          "type": "string"
                        }
                      },
                      "required": [
                        "file",
                        "yaml"
                      ]
                    }
                  },
                  "required": [
                    "summary",
                    "definition"
                  ]
                }
              }
            }
          },
          "404": {
            "description": "No such scorecard.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/entities/{kind}/{namespace}/{name}": {
      "get": {
        "operationId": "GetEntityReadiness",
        "description": "An entity's results against every scorecard that applies to it.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "The results (empty when no scorecard applies, or not evaluated yet).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/EntityReadinessResponse"
                }
              }
            }
          }
        }
      }
    },
    "/entities/{kind}/{namespace}/{name}/evaluate": {
      "post": {
        "operationId": "EvaluateEntity",
        "description": "Re-evaluates the entity now.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "The fresh results.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/EntityReadinessResponse"
                }
              }
            }
          },
          "403": {
            "description": "Not allowed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "No such entity in the catalog.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/entities/{kind}/{namespace}/{name}/ownership": {
      "get": {
        "operationId": "GetOwnership",
        "description": "The ownership roles, channel and runbook of an entity, where they come from, whether you may edit them, and their change history.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "The ownership; the ETag header carries the version.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/OwnershipResponse"
                }
              }
            }
          }
        }
      },
      "put": {
        "operationId": "UpdateOwnership",
        "description": "Saves the ownership form. Only fields that differ from the values in effect are changes (stored as overrides of catalog-info.yaml; a field set back to the file's value follows the file again), and only they are checked. A form that changes nothing stores and logs nothing. If-Match (the version you read) is required: 428 without it, 409 when stale.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "$ref": "#/components/parameters/ifMatch"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "roles": {
                    "$ref": "#/components/schemas/OwnershipRoles"
                  },
                  "reason": {
                    "type": "string",
                    "maxLength": 1000
                  },
                  "keep": {
                    "type": "array",
                    "description": "Edited fields to keep although catalog-info.yaml changed since.",
                    "items": {
                      "$ref": "#/components/schemas/OwnershipField"
                    }
                  }
                },
                "required": [
                  "roles"
                ]
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Saved (or nothing changed); the ownership now.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/OwnershipResponse"
                }
              }
            }
          },
          "400": {
            "description": "Fields are invalid: the message names each (`roles.runbook: …; roles.channel: …`).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "Not allowed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "409": {
            "description": "Someone saved a newer version first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "428": {
            "description": "If-Match is missing.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/entities/{kind}/{namespace}/{name}/ownership/revert": {
      "post": {
        "operationId": "RevertOwnership",
        "description": "Lets edited fields follow catalog-info.yaml again (all when `fields` is omitted), recorded in the history. If-Match required as for PUT.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "$ref": "#/components/parameters/ifMatch"
          }
        ],
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "fields": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/OwnershipField"
                    }
                  },
                  "reason": {
                    "type": "string",
                    "maxLength": 1000
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Reverted (or nothing was edited); the ownership now.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/OwnershipResponse"
                }
              }
            }
          },
          "403": {
            "description": "Not allowed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "409": {
            "description": "Someone saved a newer version first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "428": {
            "description": "If-Match is missing.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/entities/{kind}/{namespace}/{name}/ownership/confirm": {
      "post": {
        "operationId": "ConfirmOwnership",
        "description": "Confirms that the owners in effect of `roles` (every role set when omitted) are still right (signed-in people with readiness.ownership.update; audited; in the history). Checks with `confirmedWithin` count from now. No If-Match: a confirmation changes no value.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "roles": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                      "type": "string",
                      "enum": [
                        "incident",
                        "technical",
                        "communication"
                      ]
                    }
                  },
                  "reason": {
                    "type": "string",
                    "maxLength": 1000
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Confirmed; the ownership now.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/OwnershipResponse"
                }
              }
            }
          },
          "400": {
            "description": "A role is not set, or not a group or user.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "Not allowed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/ownership/confirm": {
      "post": {
        "operationId": "ConfirmRolesOf",
        "description": "Confirms every role a group or user holds (in catalog-info.yaml or by an edit), on every entity you see, with one reason (signed-in people); each entity is its own confirmation with its own permission check and audit event, and one failure never stops the rest.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "owner": {
                    "type": "string",
                    "maxLength": 255
                  },
                  "reason": {
                    "type": "string",
                    "maxLength": 1000
                  }
                },
                "required": [
                  "owner"
                ]
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Every entity's outcome.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "owner": {
                      "type": "string"
                    },
                    "items": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "additionalProperties": false,
                        "properties": {
                          "entityRef": {
                            "type": "string"
                          },
                          "ok": {
                            "type": "boolean"
                          },
                          "roles": {
                            "type": "array",
                            "items": {
                              "type": "string",
                              "enum": [
                                "incident",
                                "technical",
                                "communication"
                              ]
                            }
                          },
                          "error": {
                            "type": "object",
                            "additionalProperties": false,
                            "properties": {
                              "name": {
                                "type": "string"
                              },
                              "message": {
                                "type": "string"
                              }
                            },
                            "required": [
                              "name",
                              "message"
                            ]
                          }
                        },
                        "required": [
                          "entityRef",
                          "ok"
                        ]
                      }
                    },
                    "confirmed": {
                      "type": "integer"
                    },
                    "failed": {
                      "type": "integer"
                    }
                  },
                  "required": [
                    "owner",
                    "items",
                    "confirmed",
                    "failed"
                  ]
                }
              }
            }
          },
          "400": {
            "description": "The owner is not a group or user ref.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "Not a signed-in person.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/inbox": {
      "get": {
        "operationId": "GetInbox",
        "description": "What the signed-in person can act on: exemption requests they may grant (not their own), go-live roles they may sign now, their attestations running out within 14 days, and roles their groups hold whose confirmation (`confirmedWithin`) is due within 14 days, and active initiatives they or their groups own that are behind (below an even pace, or work open in the last week). Soonest first.",
        "responses": {
          "200": {
            "description": "The items.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "additionalProperties": false,
                        "properties": {
                          "kind": {
                            "type": "string",
                            "enum": [
                              "exemption-request",
                              "signoff",
                              "attestation-expiring",
                              "confirmation-due",
                              "initiative-behind"
                            ]
                          },
                          "entityRef": {
                            "type": "string"
                          },
                          "title": {
                            "type": "string"
                          },
                          "detail": {
                            "type": "string"
                          },
                          "since": {
                            "type": "string"
                          },
                          "due": {
                            "type": "string"
                          },
                          "exemptionId": {
                            "type": "string"
                          },
                          "initiativeId": {
                            "type": "string"
                          },
                          "checkId": {
                            "type": "string"
                          },
                          "role": {
                            "type": "string"
                          }
                        },
                        "required": [
                          "kind",
                          "entityRef",
                          "title"
                        ]
                      }
                    }
                  },
                  "required": [
                    "items"
                  ]
                }
              }
            }
          },
          "403": {
            "description": "Not a signed-in person.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/initiatives": {
      "get": {
        "operationId": "ListInitiatives",
        "description": "Every initiative with its state and progress (over the results you may see), and whether you may create and edit them; with `entity`, the active or ended ones whose scope holds it, with where it stands (`forEntity`).",
        "parameters": [
          {
            "name": "entity",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "maxLength": 255
            }
          },
          {
            "name": "owner",
            "in": "query",
            "required": false,
            "description": "A group (its sub-groups included) or user; the initiatives that concern what it owns, with its part (`forOwner`).",
            "schema": {
              "type": "string",
              "maxLength": 255
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The initiatives, by deadline.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Initiative"
                      }
                    },
                    "canManage": {
                      "type": "boolean"
                    }
                  },
                  "required": [
                    "items",
                    "canManage"
                  ]
                }
              }
            }
          }
        }
      },
      "post": {
        "operationId": "CreateInitiative",
        "description": "Creates an initiative (signed-in people with readiness.initiative.manage; audited). 400 names the field.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/InitiativeInput"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Created; the initiative in full (the ETag header carries its version).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Initiative"
                }
              }
            }
          },
          "400": {
            "description": "A field is invalid.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "Not allowed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/initiatives/{id}": {
      "get": {
        "operationId": "GetInitiative",
        "description": "One initiative in full, with the entities still open and what they miss, the burn-up (per day, from the start or 90 days back) and progress per owner.",
        "parameters": [
          {
            "$ref": "#/components/parameters/initiativeId"
          }
        ],
        "responses": {
          "200": {
            "description": "The initiative (the ETag header carries its version).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Initiative"
                }
              }
            }
          },
          "404": {
            "description": "No such initiative.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      },
      "put": {
        "operationId": "UpdateInitiative",
        "description": "Replaces the fields (readiness.initiative.manage; audited). If-Match required (428 without, 409 when stale).",
        "parameters": [
          {
            "$ref": "#/components/parameters/initiativeId"
          },
          {
            "$ref": "#/components/parameters/ifMatch"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/InitiativeInput"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Saved; the initiative in full.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Initiative"
                }
              }
            }
          },
          "400": {
            "description": "A field is invalid.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "Not allowed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "409": {
            "description": "Someone saved a newer version first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "428": {
            "description": "If-Match is missing.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/initiatives/{id}/summary": {
      "get": {
        "operationId": "GetInitiativeSummary",
        "description": "The initiative as Markdown (an attachment), for a review or its closing note.",
        "parameters": [
          {
            "$ref": "#/components/parameters/initiativeId"
          }
        ],
        "responses": {
          "200": {
            "description": "The Markdown.",
            "content": {
              "text/markdown": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    },
    "/initiatives/{id}/standing": {
      "get": {
        "operationId": "GetInitiativeStanding",
        "description": "\"Make it standing\": the scorecard's file with the goal's checks enforced (`enforceFrom`) from the day after today when the initiative is done, else from the day after its deadline; a check without `enforceFrom` counts already. A YAML change to commit; nothing is written.",
        "parameters": [
          {
            "$ref": "#/components/parameters/initiativeId"
          }
        ],
        "responses": {
          "200": {
            "description": "The change.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "id": {
                      "type": "string"
                    },
                    "scorecard": {
                      "type": "string"
                    },
                    "file": {
                      "type": "string"
                    },
                    "enforceFrom": {
                      "type": "string"
                    },
                    "state": {
                      "type": "string",
                      "enum": [
                        "draft",
                        "active",
                        "done",
                        "missed"
                      ]
                    },
                    "checks": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "additionalProperties": false,
                        "properties": {
                          "id": {
                            "type": "string"
                          },
                          "title": {
                            "type": "string"
                          },
                          "change": {
                            "type": "string",
                            "enum": [
                              "enforce",
                              "already"
                            ]
                          },
                          "enforceFrom": {
                            "type": "string"
                          }
                        },
                        "required": [
                          "id",
                          "title",
                          "change"
                        ]
                      }
                    },
                    "yaml": {
                      "type": "string"
                    }
                  },
                  "required": [
                    "id",
                    "scorecard",
                    "file",
                    "enforceFrom",
                    "state",
                    "checks",
                    "yaml"
                  ]
                }
              }
            }
          },
          "404": {
            "description": "No such initiative, or its scorecard was not read from a file.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/ownership/named": {
      "get": {
        "operationId": "ListNamedRoles",
        "description": "The roles edits in the UI gave an owner (a group or user), with who named them, when and why; only entities you may see.",
        "parameters": [
          {
            "name": "owner",
            "in": "query",
            "required": true,
            "description": "A group or user ref (`group:default/payments`, or `payments` for a group).",
            "schema": {
              "type": "string",
              "maxLength": 255
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The roles.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "additionalProperties": false,
                        "properties": {
                          "entityRef": {
                            "type": "string"
                          },
                          "role": {
                            "type": "string",
                            "enum": [
                              "incident",
                              "technical",
                              "communication"
                            ]
                          },
                          "namedBy": {
                            "type": "string"
                          },
                          "namedAt": {
                            "type": "string"
                          },
                          "reason": {
                            "type": "string"
                          }
                        },
                        "required": [
                          "entityRef",
                          "role",
                          "namedBy",
                          "namedAt"
                        ]
                      }
                    }
                  },
                  "required": [
                    "items"
                  ]
                }
              }
            }
          },
          "400": {
            "description": "The owner is not a ref.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/ownership/onboarding": {
      "get": {
        "operationId": "GetOnboarding",
        "description": "For bulk onboarding: the scored entities a group (its sub-groups included) or user owns (spec.owner) that you may see, each with the field's value in effect, its ownership version, a suggested value and where it comes from, and whether you may edit it.",
        "parameters": [
          {
            "name": "owner",
            "in": "query",
            "required": true,
            "description": "A group or user ref (`group:default/payments`, or `payments` for a group).",
            "schema": {
              "type": "string",
              "maxLength": 255
            }
          },
          {
            "name": "field",
            "in": "query",
            "required": true,
            "schema": {
              "$ref": "#/components/schemas/OnboardingField"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The entities, sorted by title.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "owner": {
                      "type": "string"
                    },
                    "field": {
                      "$ref": "#/components/schemas/OnboardingField"
                    },
                    "truncated": {
                      "type": "boolean"
                    },
                    "items": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "additionalProperties": false,
                        "properties": {
                          "entityRef": {
                            "type": "string"
                          },
                          "title": {
                            "type": "string"
                          },
                          "owner": {
                            "type": "string"
                          },
                          "version": {
                            "type": "integer"
                          },
                          "current": {
                            "type": "string"
                          },
                          "suggestion": {
                            "type": "object",
                            "additionalProperties": false,
                            "properties": {
                              "value": {
                                "type": "string"
                              },
                              "source": {
                                "type": "string"
                              }
                            },
                            "required": [
                              "value",
                              "source"
                            ]
                          },
                          "canEdit": {
                            "type": "boolean"
                          }
                        },
                        "required": [
                          "entityRef",
                          "version",
                          "canEdit"
                        ]
                      }
                    }
                  },
                  "required": [
                    "owner",
                    "field",
                    "truncated",
                    "items"
                  ]
                }
              }
            }
          },
          "400": {
            "description": "The owner is not a group or user ref, or the field is unknown.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/ownership/bulk": {
      "post": {
        "operationId": "SaveOwnershipInBulk",
        "description": "Sets one field for many entities (signed-in people only). Each entity is a normal edit: its own readiness.ownership.update check, its version (as If-Match), history, audit event and re-evaluation. One failing entity does not stop the others: the answer lists every outcome in the order sent. Each newly named owner is notified once for the whole request.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "field": {
                    "$ref": "#/components/schemas/OnboardingField"
                  },
                  "reason": {
                    "type": "string",
                    "maxLength": 1000
                  },
                  "items": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": 200,
                    "items": {
                      "type": "object",
                      "additionalProperties": false,
                      "properties": {
                        "entityRef": {
                          "type": "string",
                          "maxLength": 255
                        },
                        "value": {
                          "type": "string",
                          "maxLength": 2000
                        },
                        "version": {
                          "type": "integer",
                          "minimum": 0
                        }
                      },
                      "required": [
                        "entityRef",
                        "value",
                        "version"
                      ]
                    }
                  }
                },
                "required": [
                  "field",
                  "items"
                ]
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Every entity's outcome.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "additionalProperties": false,
                        "properties": {
                          "entityRef": {
                            "type": "string"
                          },
                          "ok": {
                            "type": "boolean"
                          },
                          "changed": {
                            "type": "boolean"
                          },
                          "version": {
                            "type": "integer"
                          },
                          "error": {
                            "type": "object",
                            "additionalProperties": false,
                            "properties": {
                              "name": {
                                "type": "string"
                              },
                              "message": {
                                "type": "string"
                              }
                            },
                            "required": [
                              "name",
                              "message"
                            ]
                          }
                        },
                        "required": [
                          "entityRef",
                          "ok"
                        ]
                      }
                    },
                    "changed": {
                      "type": "integer"
                    },
                    "failed": {
                      "type": "integer"
                    },
                    "notified": {
                      "type": "integer"
                    }
                  },
                  "required": [
                    "items",
                    "changed",
                    "failed",
                    "notified"
                  ]
                }
              }
            }
          },
          "400": {
            "description": "The request is invalid: the message names the field.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "Not a signed-in person.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/ownership": {
      "get": {
        "operationId": "ListOwnershipEdits",
        "description": "Every ownership edit, for the catalog module that overlays them (service credentials only).",
        "responses": {
          "200": {
            "description": "The edits.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "additionalProperties": false,
                        "properties": {
                          "entityRef": {
                            "type": "string"
                          },
                          "version": {
                            "type": "integer"
                          },
                          "roles": {
                            "$ref": "#/components/schemas/OwnershipRoles"
                          }
                        },
                        "required": [
                          "entityRef",
                          "version",
                          "roles"
                        ]
                      }
                    }
                  },
                  "required": [
                    "items"
                  ]
                }
              }
            }
          }
        }
      }
    },
    "/entities/{kind}/{namespace}/{name}/history": {
      "get": {
        "operationId": "GetEntityHistory",
        "description": "Daily scores and the checks that flipped.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "name": "days",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 3650,
              "default": 30
            }
          },
          {
            "name": "scorecard",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The history.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/HistoryResponse"
                }
              }
            }
          }
        }
      }
    },
    "/results": {
      "get": {
        "operationId": "ListResults",
        "description": "Results filtered, sorted and paged on the server; `Accept text/csv` or `format=csv` streams the same query as CSV.",
        "parameters": [
          {
            "$ref": "#/components/parameters/scorecard"
          },
          {
            "name": "status",
            "in": "query",
            "required": false,
            "schema": {
              "type": "array",
              "items": {
                "$ref": "#/components/schemas/Status"
              }
            },
            "style": "form",
            "explode": true
          },
          {
            "name": "owner",
            "in": "query",
            "required": false,
            "allowReserved": true,
            "description": "Owner refs; a group includes its sub-groups.",
            "schema": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "style": "form",
            "explode": true
          },
          {
            "name": "system",
            "in": "query",
            "required": false,
            "allowReserved": true,
            "schema": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "style": "form",
            "explode": true
          },
          {
            "name": "domain",
            "in": "query",
            "required": false,
            "allowReserved": true,
            "schema": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "style": "form",
            "explode": true
          },
          {
            "name": "lifecycle",
            "in": "query",
            "required": false,
            "schema": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "style": "form",
            "explode": true
          },
          {
            "name": "kind",
            "in": "query",
            "required": false,
            "schema": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "style": "form",
            "explode": true
          },
          {
            "name": "type",
            "in": "query",
            "required": false,
            "schema": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "style": "form",
            "explode": true
          },
          {
            "name": "area",
            "in": "query",
            "required": false,
            "description": "Only results failing a check in this area.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "check",
            "in": "query",
            "required": false,
            "allowReserved": true,
            "description": "Only results failing this check.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "entity",
            "in": "query",
            "required": false,
            "allowReserved": true,
            "description": "Only these entity refs.",
            "schema": {
              "type": "array",
              "items": {
                "type": "string"
              },
              "maxItems": 500
            },
            "style": "form",
            "explode": true
          },
          {
            "name": "q",
            "in": "query",
            "required": false,
            "allowReserved": true,
            "description": "Text in the entity ref or title.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "sort",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "enum": [
                "score",
                "-score",
                "name",
                "-name",
                "status",
                "-status",
                "changed",
                "-changed"
              ],
              "default": "score"
            }
          },
          {
            "name": "offset",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 0,
              "default": 0
            }
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 500,
              "default": 50
            }
          },
          {
            "name": "format",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "enum": [
                "json",
                "csv"
              ]
            }
          }
        ],
        "responses": {
          "200": {
            "description": "A page of results.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/ResultRow"
                      }
                    },
                    "totalItems": {
                      "type": "integer"
                    },
                    "offset": {
                      "type": "integer"
                    },
                    "limit": {
                      "type": "integer"
                    }
                  },
                  "required": [
                    "items",
                    "totalItems",
                    "offset",
                    "limit"
                  ]
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "description": "A parameter is invalid.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/history": {
      "get": {
        "operationId": "GetOrgHistory",
        "description": "Daily status counts of a scorecard for the entities the filters select (as they are now), and with check, how many failed it each day.",
        "parameters": [
          {
            "$ref": "#/components/parameters/scorecard"
          },
          {
            "name": "status",
            "in": "query",
            "required": false,
            "schema": {
              "type": "array",
              "items": {
                "$ref": "#/components/schemas/Status"
              }
            },
            "style": "form",
            "explode": true
          },
          {
            "name": "owner",
            "in": "query",
            "required": false,
            "allowReserved": true,
            "description": "Owner refs; a group includes its sub-groups.",
            "schema": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "style": "form",
            "explode": true
          },
          {
            "name": "system",
            "in": "query",
            "required": false,
            "allowReserved": true,
            "schema": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "style": "form",
            "explode": true
          },
          {
            "name": "domain",
            "in": "query",
            "required": false,
            "allowReserved": true,
            "schema": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "style": "form",
            "explode": true
          },
          {
            "name": "lifecycle",
            "in": "query",
            "required": false,
            "schema": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "style": "form",
            "explode": true
          },
          {
            "name": "kind",
            "in": "query",
            "required": false,
            "schema": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "style": "form",
            "explode": true
          },
          {
            "name": "type",
            "in": "query",
            "required": false,
            "schema": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "style": "form",
            "explode": true
          },
          {
            "name": "check",
            "in": "query",
            "required": false,
            "allowReserved": true,
            "description": "Only results failing this check.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "days",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 366,
              "default": 30
            }
          }
        ],
        "responses": {
          "200": {
            "description": "One item per day with points, oldest first.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "scorecard": {
                      "type": "string"
                    },
                    "checkId": {
                      "type": "string"
                    },
                    "days": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "additionalProperties": false,
                        "properties": {
                          "day": {
                            "type": "string"
                          },
                          "counts": {
                            "type": "object",
                            "additionalProperties": false,
                            "properties": {
                              "ready": {
                                "type": "integer"
                              },
                              "needs-work": {
                                "type": "integer"
                              },
                              "blocked": {
                                "type": "integer"
                              }
                            },
                            "required": [
                              "ready",
                              "needs-work",
                              "blocked"
                            ]
                          },
                          "check": {
                            "type": "object",
                            "additionalProperties": false,
                            "properties": {
                              "failing": {
                                "type": "integer"
                              },
                              "total": {
                                "type": "integer"
                              }
                            },
                            "required": [
                              "failing",
                              "total"
                            ]
                          },
                          "revisions": {
                            "type": "array",
                            "description": "The scorecard revisions of the day's points; a day whose set differs from the day before marks a scorecard change.",
                            "items": {
                              "type": "string"
                            }
                          }
                        },
                        "required": [
                          "day",
                          "counts"
                        ]
                      }
                    }
                  },
                  "required": [
                    "scorecard",
                    "days"
                  ]
                }
              }
            }
          }
        }
      }
    },
    "/statuses": {
      "get": {
        "operationId": "ListStatuses",
        "description": "The worst status of each entity across its scorecards, for a status column or filter in the catalog; of the given entities, or of every entity whose worst status is one of status.",
        "parameters": [
          {
            "name": "entity",
            "in": "query",
            "required": false,
            "allowReserved": true,
            "description": "Entity refs, at most 500.",
            "schema": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "style": "form",
            "explode": true
          },
          {
            "name": "status",
            "in": "query",
            "required": false,
            "schema": {
              "type": "array",
              "items": {
                "$ref": "#/components/schemas/Status"
              }
            },
            "style": "form",
            "explode": true
          }
        ],
        "responses": {
          "200": {
            "description": "One item per entity with results, by entity ref.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "additionalProperties": false,
                        "properties": {
                          "entityRef": {
                            "type": "string"
                          },
                          "status": {
                            "$ref": "#/components/schemas/Status"
                          }
                        },
                        "required": [
                          "entityRef",
                          "status"
                        ]
                      }
                    }
                  },
                  "required": [
                    "items"
                  ]
                }
              }
            }
          }
        }
      }
    },
    "/summary": {
      "get": {
        "operationId": "GetSummary",
        "description": "Counts per status, mean score and area pass rates per owner, system, domain, lifecycle or type.",
        "parameters": [
          {
            "$ref": "#/components/parameters/scorecard"
          },
          {
            "name": "groupBy",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "enum": [
                "owner",
                "system",
                "domain",
                "lifecycle",
                "type"
              ],
              "default": "owner"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The summary.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "scorecard": {
                      "type": "string"
                    },
                    "groupBy": {
                      "type": "string"
                    },
                    "overall": {
                      "$ref": "#/components/schemas/SummaryGroup"
                    },
                    "groups": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/SummaryGroup"
                      }
                    }
                  },
                  "required": [
                    "scorecard",
                    "groupBy",
                    "overall",
                    "groups"
                  ]
                }
              }
            }
          }
        }
      }
    },
    "/go-lives": {
      "get": {
        "operationId": "ListGoLives",
        "description": "Entities with a go-live date, soonest first, with phase, sign-off and first-week progress; those past their first month only with all=true.",
        "parameters": [
          {
            "name": "all",
            "in": "query",
            "schema": {
              "type": "string",
              "enum": [
                "true",
                "false"
              ]
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The go-lives.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/GoLiveSummary"
                      }
                    }
                  },
                  "required": [
                    "items"
                  ]
                }
              }
            }
          },
          "403": {
            "description": "Not allowed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/entities/{kind}/{namespace}/{name}/go-live": {
      "get": {
        "operationId": "GetGoLive",
        "description": "The entity's go-live state (phase from its go-live date, sign-offs by role, the first week's daily checks, risky actions and closure review).",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "The go-live state.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GoLiveResponse"
                }
              }
            }
          },
          "403": {
            "description": "Not allowed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "No such entity.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/entities/{kind}/{namespace}/{name}/go-live/signoffs": {
      "post": {
        "operationId": "CreateSignoff",
        "description": "Signs the entity off in one role (permission readiness.signoff.create; audited). The status must be Ready; the sign-off is void once it drops below.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "role": {
                    "type": "string"
                  },
                  "note": {
                    "type": "string",
                    "maxLength": 1000
                  }
                },
                "required": [
                  "role"
                ]
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Signed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GoLiveResponse"
                }
              }
            }
          },
          "400": {
            "description": "A field is invalid; the message names it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "Not allowed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "No such entity.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "409": {
            "description": "Not now, the message says why (status not Ready, already signed, already recorded, too early).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/entities/{kind}/{namespace}/{name}/go-live/signoff-requests": {
      "post": {
        "operationId": "RequestSignoff",
        "description": "Asks every role that has not signed (the members of its group, never the person asking, and for an independent role not the owners; else the entity's owners) by notification, once a day per role (permission readiness.attestation.create; audited). The status must be Ready, before launch.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "Who was asked; a role asked today already is not asked again.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "asked": {
                      "type": "integer"
                    },
                    "roles": {
                      "type": "array",
                      "items": {
                        "type": "string"
                      }
                    },
                    "nobody": {
                      "type": "array",
                      "description": "Roles whose group has nobody to ask (no member besides the person asking, or only owners for an independent role).",
                      "items": {
                        "type": "string"
                      }
                    }
                  },
                  "required": [
                    "asked",
                    "roles",
                    "nobody"
                  ]
                }
              }
            }
          },
          "403": {
            "description": "Not allowed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "No such entity.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "409": {
            "description": "Not Ready, or notifications are off.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/entities/{kind}/{namespace}/{name}/go-live/phase-items": {
      "post": {
        "operationId": "TickPhaseItem",
        "description": "Ticks off an item of a go-live phase's checklist (goLive.phases) for the current go-live date, once; weekly reviews name their week (permission readiness.attestation.create; audited). T-7's items may be ticked early, later phases from their day.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "phase": {
                    "type": "string"
                  },
                  "week": {
                    "type": "integer"
                  },
                  "item": {
                    "type": "string"
                  },
                  "note": {
                    "type": "string",
                    "maxLength": 1000
                  }
                },
                "required": [
                  "phase",
                  "item"
                ]
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Ticked off; the go-live state.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GoLiveResponse"
                }
              }
            }
          },
          "400": {
            "description": "A field is invalid, or there is no go-live date; the message names it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "Not allowed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "No such entity.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "409": {
            "description": "Already ticked off, or the phase has not opened yet.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/entities/{kind}/{namespace}/{name}/go-live/daily-checks": {
      "post": {
        "operationId": "CreateDailyCheck",
        "description": "Records the daily check of a day of the first production week (permission readiness.attestation.create; audited). One per day; day defaults to today.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "day": {
                    "type": "string"
                  },
                  "items": {
                    "type": "object",
                    "additionalProperties": true
                  }
                },
                "required": [
                  "items"
                ]
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Recorded.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GoLiveResponse"
                }
              }
            }
          },
          "400": {
            "description": "A field is invalid; the message names it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "Not allowed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "No such entity.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "409": {
            "description": "Not now, the message says why (status not Ready, already signed, already recorded, too early).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/entities/{kind}/{namespace}/{name}/go-live/risky-actions": {
      "post": {
        "operationId": "CreateRiskyAction",
        "description": "Records a risky action of the first weeks (permission readiness.attestation.create; audited).",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "kind": {
                    "type": "string"
                  },
                  "description": {
                    "type": "string",
                    "maxLength": 2000
                  },
                  "owner": {
                    "type": "string",
                    "maxLength": 255
                  },
                  "outcome": {
                    "type": "string"
                  },
                  "note": {
                    "type": "string",
                    "maxLength": 2000
                  }
                },
                "required": [
                  "kind",
                  "description",
                  "owner",
                  "outcome"
                ]
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Recorded.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GoLiveResponse"
                }
              }
            }
          },
          "400": {
            "description": "A field is invalid; the message names it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "Not allowed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "No such entity.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "409": {
            "description": "Not now, the message says why (status not Ready, already signed, already recorded, too early).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/entities/{kind}/{namespace}/{name}/go-live/closure-review": {
      "post": {
        "operationId": "CreateClosureReview",
        "description": "Records the closure review at the end of the first week (permission readiness.attestation.create; audited). Once.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "incidents": {
                    "type": "string",
                    "maxLength": 4000
                  },
                  "supportRequests": {
                    "type": "string",
                    "maxLength": 4000
                  },
                  "qualityDeviations": {
                    "type": "string",
                    "maxLength": 4000
                  },
                  "missingRunbookSteps": {
                    "type": "string",
                    "maxLength": 4000
                  }
                },
                "required": [
                  "incidents",
                  "supportRequests",
                  "qualityDeviations",
                  "missingRunbookSteps"
                ]
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Recorded.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GoLiveResponse"
                }
              }
            }
          },
          "400": {
            "description": "A field is invalid; the message names it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "Not allowed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "No such entity.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "409": {
            "description": "Not now, the message says why (status not Ready, already signed, already recorded, too early).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/entities/{kind}/{namespace}/{name}/report": {
      "get": {
        "operationId": "GetGoLiveReport",
        "description": "The go-live note of the entity as Markdown (an attachment) with the decision, owners, the six questions answered or \"Unanswered\", open checks, evidence with its age, sign-offs, the first week and its closure review.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "The note.",
            "content": {
              "text/markdown": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "403": {
            "description": "Not allowed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "No such entity.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/entities/{kind}/{namespace}/{name}/attestations": {
      "get": {
        "operationId": "ListAttestations",
        "description": "The entity's attestations, newest first, and whether you may attest.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "The attestations.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AttestationsResponse"
                }
              }
            }
          },
          "404": {
            "description": "No such entity, attestation or exemption.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      },
      "post": {
        "operationId": "CreateAttestation",
        "description": "Attests an attestation check (permission readiness.attestation.create; audited). It lasts the check's maxAge unless expiresAt says less.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "checkId": {
                    "type": "string"
                  },
                  "evidenceUrl": {
                    "type": "string",
                    "maxLength": 2000
                  },
                  "note": {
                    "type": "string",
                    "maxLength": 1000
                  },
                  "expiresAt": {
                    "type": "string"
                  }
                },
                "required": [
                  "checkId"
                ]
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Attested; the entity is re-evaluated.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AttestationsResponse"
                }
              }
            }
          },
          "400": {
            "description": "A field is invalid; the message names it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "Not allowed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "No such entity, attestation or exemption.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/entities/{kind}/{namespace}/{name}/attestations/{id}": {
      "delete": {
        "operationId": "RevokeAttestation",
        "description": "Revokes an attestation, saying why (permission readiness.attestation.create; audited). The check then says who revoked it, when and why.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "reason": {
                    "type": "string",
                    "maxLength": 1000
                  }
                },
                "required": [
                  "reason"
                ]
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Revoked; the entity is re-evaluated.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AttestationsResponse"
                }
              }
            }
          },
          "400": {
            "description": "No reason given.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "Not allowed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "No such entity, attestation or exemption.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/entities/{kind}/{namespace}/{name}/exemptions": {
      "get": {
        "operationId": "ListExemptions",
        "description": "The entity's exemptions and requests, newest first, and what you may do.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "The exemptions.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ExemptionsResponse"
                }
              }
            }
          },
          "404": {
            "description": "No such entity, attestation or exemption.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      },
      "post": {
        "operationId": "RequestExemption",
        "description": "Asks for an exemption (owners), or grants one at once (permission readiness.exemption.create). Audited.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "checkId": {
                    "type": "string"
                  },
                  "reason": {
                    "type": "string",
                    "maxLength": 1000
                  },
                  "expiresAt": {
                    "type": "string"
                  }
                },
                "required": [
                  "checkId",
                  "reason",
                  "expiresAt"
                ]
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Requested, or granted.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ExemptionsResponse"
                }
              }
            }
          },
          "400": {
            "description": "A field is invalid; the message names it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "Not allowed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "No such entity, attestation or exemption.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "409": {
            "description": "The check already has an exemption, or a request waiting.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/entities/{kind}/{namespace}/{name}/exemptions/{id}/grant": {
      "post": {
        "operationId": "GrantExemption",
        "description": "Grants someone else's request (permission readiness.exemption.create; audited).",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Granted; the entity is re-evaluated.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ExemptionsResponse"
                }
              }
            }
          },
          "403": {
            "description": "Not allowed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "No such entity, attestation or exemption.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/entities/{kind}/{namespace}/{name}/exemptions/{id}": {
      "delete": {
        "operationId": "RevokeExemption",
        "description": "Revokes an exemption (permission readiness.exemption.create), or withdraws your own request. Audited.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Revoked; the entity is re-evaluated.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ExemptionsResponse"
                }
              }
            }
          },
          "403": {
            "description": "Not allowed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "No such entity, attestation or exemption.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/facts": {
      "post": {
        "operationId": "PushFacts",
        "description": "Stores facts about entities (CI results, values from other systems) and re-evaluates them. One entity in the body, or many in `items`. All or nothing; a retry changes nothing. Needs `readiness.facts.write` on each entity (external access tokens are services).",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "description": "`entityRef` and `facts` for one entity, or `items` for many.",
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "entityRef": {
                    "type": "string"
                  },
                  "facts": {
                    "type": "array",
                    "maxItems": 50,
                    "items": {
                      "$ref": "#/components/schemas/FactInput"
                    }
                  },
                  "items": {
                    "type": "array",
                    "maxItems": 100,
                    "items": {
                      "$ref": "#/components/schemas/EntityFacts"
                    }
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Stored; the entities are re-evaluated.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "stored": {
                      "type": "integer"
                    },
                    "unchanged": {
                      "type": "integer"
                    },
                    "entityRefs": {
                      "type": "array",
                      "items": {
                        "type": "string"
                      }
                    }
                  },
                  "required": [
                    "stored",
                    "unchanged",
                    "entityRefs"
                  ]
                }
              }
            }
          },
          "400": {
            "description": "A field is invalid; the message names it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "Not allowed for one of the entities.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/checks/{scorecard}": {
      "get": {
        "operationId": "ListCheckFailures",
        "description": "How many entities fail each check of a scorecard, most failed first.",
        "parameters": [
          {
            "name": "scorecard",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Checks with their failure counts.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "additionalProperties": false,
                        "properties": {
                          "checkId": {
                            "type": "string"
                          },
                          "title": {
                            "type": "string"
                          },
                          "area": {
                            "type": "string"
                          },
                          "severity": {
                            "type": "string"
                          },
                          "failing": {
                            "type": "integer"
                          }
                        },
                        "required": [
                          "checkId",
                          "title",
                          "area",
                          "severity",
                          "failing"
                        ]
                      }
                    }
                  },
                  "required": [
                    "items"
                  ]
                }
              }
            }
          },
          "404": {
            "description": "No such scorecard.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/checks/{scorecard}/{checkId}/failures": {
      "get": {
        "operationId": "GetCheckFailures",
        "description": "The entities that fail a check, with the message for each.",
        "parameters": [
          {
            "name": "scorecard",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "checkId",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Failing entities.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "additionalProperties": false,
                        "properties": {
                          "entityRef": {
                            "type": "string"
                          },
                          "title": {
                            "type": "string"
                          },
                          "owner": {
                            "type": "string"
                          },
                          "result": {
                            "type": "string"
                          },
                          "message": {
                            "type": "string"
                          }
                        },
                        "required": [
                          "entityRef",
                          "result",
                          "message"
                        ]
                      }
                    }
                  },
                  "required": [
                    "items"
                  ]
                }
              }
            }
          },
          "404": {
            "description": "No such scorecard or check.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    }
  }
} as const;

export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
