// Generated from openapi.json by openapi-typescript (`npm run client:generate` in the repository root).
// Do not edit: change the route schemas in src/http and regenerate. `npm test` fails when this is stale.
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Health check */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List lists and processes */
        get: operations["listLists"];
        put?: never;
        /**
         * Create a list or a process
         * @description `name`, `process` and `entry_type` are required; a process also needs `identifier` and `duplicates_allowed`. A process without `statuses` gets Started, In progress, Completed (won), Canceled (lost). `template` (default, simple_sales, prospects, pipeline, fundraising, recruiting) makes a process with that template's statuses and fields.
         */
        post: operations["createList"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/lists/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a list or process */
        get: operations["getList"];
        put?: never;
        post?: never;
        /** Delete a list or process and its entries */
        delete: operations["deleteList"];
        options?: never;
        head?: never;
        /**
         * Update a list or process
         * @description `fields` and `statuses` merge by name: new names are added, known names updated, names not sent kept. `remove: true` removes one (a status that holds entries cannot be removed), `new_name` renames one. Sending every status (or field) sets their order. `entry_type` and `process` cannot change. `archived` archives or unarchives.
         */
        patch: operations["updateList"];
        trace?: never;
    };
    "/v1/lists/{id}/connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the connections of a process
         * @description Connected lists: rules that put an entry reaching a status of one process into another process. Lists the rules that start or end in this process.
         */
        get: operations["listListConnections"];
        put?: never;
        /**
         * Connect a status of this process to a status of another
         * @description Both must be processes of the same entry type. A status starts at most one connection and is the target of at most one.
         */
        post: operations["createListConnection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/lists/{id}/connections/{connection_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a connection */
        delete: operations["deleteListConnection"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/lists/{list_id}/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List entries
         * @description Filters (Rapport only): `status` (repeatable), `status_type`, `assignee_email`, `entryable_type`, `entryable_id`, `contact_id`, `created_after/before`, `updated_after/before`, `closed_after/before` (Unix seconds), and `field[<name>]=<value>` (list-field equality; a multi-value field matches when it holds the value). `sort` orders by `updated_at`, `created_at`, `key`, `one_time_value_cents` or `closed_at` (`-` for descending). An unknown parameter, status, field or member is a 422.
         */
        get: operations["listEntries"];
        put?: never;
        /**
         * Create an entry
         * @description A second entry for the same record is a 422 (`has already been taken`) in a regular list and in a process that does not allow duplicates.
         */
        post: operations["createEntry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/lists/{list_id}/entries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve an entry */
        get: operations["getEntry"];
        put?: never;
        post?: never;
        /**
         * Delete an entry
         * @description Its key is never reused; its status history goes with it.
         */
        delete: operations["deleteEntry"];
        options?: never;
        head?: never;
        /** Update an entry */
        patch: operations["updateEntry"];
        trace?: never;
    };
    "/v1/lists/{list_id}/entries/{id}/status_changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An entry's status history
         * @description Every status the entry entered, oldest first: from, to, when, and by which member or key. The first item (from_status null) is its creation. Rapport only.
         */
        get: operations["listEntryStatusChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List or look up contacts
         * @description `?email=` finds the contact with exactly that address (any case); `?phone_number=` matches any written form of a number.
         */
        get: operations["listContacts"];
        put?: never;
        /**
         * Create a contact
         * @description Needs a `first_name`, a `name` or a valid email. An email already held by a contact is a 422 `has already been taken`.
         */
        post: operations["createContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a contact */
        get: operations["getContact"];
        put?: never;
        post?: never;
        /**
         * Delete a contact
         * @description Also deletes its entries in every list and process.
         */
        delete: operations["deleteContact"];
        options?: never;
        head?: never;
        /**
         * Update a contact
         * @description Changes the fields sent. `emails` and `phone_numbers` are added to the existing ones; `null` clears a field.
         */
        patch: operations["updateContact"];
        trace?: never;
    };
    "/v1/contacts/{id}/emails": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove email addresses from a contact
         * @description Addresses the contact does not hold are ignored. Answers the updated contact.
         */
        delete: operations["removeContactEmails"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{id}/phone_numbers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove phone numbers from a contact
         * @description Rapport's own, like removing emails. Numbers match in any written form. Answers the updated contact.
         */
        delete: operations["removeContactPhoneNumbers"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List organizations */
        get: operations["listOrganizations"];
        put?: never;
        /**
         * Create an organization
         * @description Needs a `name` or a valid domain. A domain another organization has is a 422 mentioning `same organization domain`.
         */
        post: operations["createOrganization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve an organization */
        get: operations["getOrganization"];
        put?: never;
        post?: never;
        /**
         * Delete an organization
         * @description Also deletes its entries and notes; its contacts stay, with `organization_id: null`.
         */
        delete: operations["deleteOrganization"];
        options?: never;
        head?: never;
        /**
         * Update an organization
         * @description Changes the fields sent; `domains` are added to the existing ones.
         */
        patch: operations["updateOrganization"];
        trace?: never;
    };
    "/v1/organizations/{id}/domains": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove domains from an organization
         * @description Domains match in any written form; ones the organization does not have are ignored. Answers the updated organization.
         */
        delete: operations["removeOrganizationDomains"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List an organization's contacts
         * @description Takes the same `email` and `phone_number` filters as `GET /v1/contacts`.
         */
        get: operations["listOrganizationContacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/custom_fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List custom fields */
        get: operations["listCustomFields"];
        put?: never;
        /**
         * Create a custom field
         * @description `data_type` defaults to `text`; select needs `options`; select, user and contact need `accepts_multiple_values`.
         */
        post: operations["createCustomField"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/custom_fields/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a custom field */
        get: operations["getCustomField"];
        put?: never;
        post?: never;
        /**
         * Delete a custom field
         * @description Also deletes every value stored in it.
         */
        delete: operations["deleteCustomField"];
        options?: never;
        head?: never;
        /**
         * Update a custom field
         * @description Only `name` and `options` change. Renaming keeps the values; removing an option that records still hold is a 422.
         */
        patch: operations["updateCustomField"];
        trace?: never;
    };
    "/v1/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List notes */
        get: operations["listNotes"];
        put?: never;
        /**
         * Create a note
         * @description On an organization, optionally about a deal (a process entry). The author is the member owning the API key.
         */
        post: operations["createNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a note */
        get: operations["getNote"];
        put?: never;
        post?: never;
        /** Delete a note */
        delete: operations["deleteNote"];
        options?: never;
        head?: never;
        /**
         * Update a note
         * @description Only `body` and `deal_id` change.
         */
        patch: operations["updateNote"];
        trace?: never;
    };
    "/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List members */
        get: operations["listUsers"];
        put?: never;
        /**
         * Add a member
         * @description Members can be assigned to entries (`assignee_email`) and own API keys. The email is unique in the workspace.
         */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a member */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhooks */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Create a webhook
         * @description Events are POSTed to `url`, signed with the `secret` answered here (and never again). See the description of the API for the payload, the signature and the retries.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a webhook */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /** Delete a webhook */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /**
         * Update a webhook
         * @description `active: true` turns a disabled webhook on again: its failures are forgotten.
         */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/v1/webhooks/{id}/rotate_secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace a webhook's signing secret
         * @description Every attempt from now on is signed with the new secret, answered here once.
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A webhook's delivery log
         * @description One item per event sent (or to send), with its last attempt; last changed first.
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries/{delivery_id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery again
         * @description The delivery's event is sent again as a new delivery, due now; answers the new delivery.
         */
        post: operations["redeliverWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/ping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a ping event
         * @description A `ping` event (its object is the webhook) is sent to this webhook alone; answers its delivery.
         */
        post: operations["pingWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * Error
         * @example {
         *       "status": 422,
         *       "code": "validation_failed",
         *       "message": "Validation failed: emails[0] has already been taken",
         *       "details": [
         *         {
         *           "field": "emails[0]",
         *           "code": "taken",
         *           "message": "has already been taken"
         *         }
         *       ],
         *       "request_id": "req-1a2b3c"
         *     }
         */
        ErrorBody: {
            /** @description The HTTP status, repeated */
            status: number;
            /** @description Stable machine code: bad_request, malformed_json, unauthorized, not_found, ... */
            code: string;
            /** @description What went wrong, for humans */
            message: string;
            /** @description One item per field at fault (422), the first 50 at most */
            details?: {
                /** @description Path of the field at fault, e.g. `emails[0]` */
                field: string;
                /** @description Stable machine code: required, blank, invalid, taken, inclusion, unknown, ... */
                code: string;
                /** @description Rails-style phrase, e.g. `has already been taken` */
                message: string;
            }[];
            /** @description Problems found beyond those in `details` and not listed */
            details_truncated?: number;
            /** @description Quote it when reporting a problem; it is in the server log */
            request_id: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                        /** @example sqlite */
                        database: string;
                    };
                };
            };
            /** @description The request is not valid HTTP (answered on any path) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listLists: {
        parameters: {
            query?: {
                /** @description Page size; default 25, at most 100 (larger values are served as 100) */
                first?: number;
                /** @description Offset: pass the previous page's `end_cursor` */
                after?: number;
                /** @description Only records updated after this Unix time (seconds) */
                updated_after?: number;
                /** @description true: only archived lists; false: only lists not archived; absent: all */
                archived?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "QbkUlo4xZq",
                     *           "name": "test list",
                     *           "process": false,
                     *           "entry_type": "Organization",
                     *           "fields": [
                     *             {
                     *               "id": "vBASJR0kQw",
                     *               "name": "test field",
                     *               "data_type": "text",
                     *               "options": null,
                     *               "accepts_multiple_values": false
                     *             }
                     *           ],
                     *           "created_at": "2025-04-29T22:47:39.635Z",
                     *           "updated_at": "2025-04-29T22:47:39.635Z",
                     *           "archived_at": null
                     *         },
                     *         {
                     *           "id": "Jm9UpJ2bLx",
                     *           "name": "test process",
                     *           "identifier": "TEST PROCE",
                     *           "process": true,
                     *           "duplicates_allowed": true,
                     *           "entry_type": "Organization",
                     *           "entry_label": "Organization",
                     *           "status_label": "Status",
                     *           "statuses": [
                     *             {
                     *               "name": "Started",
                     *               "type": "active"
                     *             },
                     *             {
                     *               "name": "In progress",
                     *               "type": "active"
                     *             },
                     *             {
                     *               "name": "Completed",
                     *               "type": "won"
                     *             },
                     *             {
                     *               "name": "Canceled",
                     *               "type": "lost"
                     *             }
                     *           ],
                     *           "fields": [
                     *             {
                     *               "id": "w9DSqo7hTe",
                     *               "name": "test field",
                     *               "data_type": "text",
                     *               "options": null,
                     *               "accepts_multiple_values": false
                     *             }
                     *           ],
                     *           "created_at": "2025-04-29T22:47:28.540Z",
                     *           "updated_at": "2025-04-29T22:47:28.540Z",
                     *           "archived_at": null
                     *         }
                     *       ],
                     *       "pagination": {
                     *         "end_cursor": 2,
                     *         "has_next_page": false,
                     *         "total_count": 2
                     *       }
                     *     }
                     */
                    "application/json": {
                        data: {
                            /**
                             * @description Short alphanumeric id
                             * @example QbkUlo4xZq
                             */
                            id: string;
                            name: string;
                            /** @description Processes only: the prefix of entry keys (`DEAL` gives `DEAL-7`) */
                            identifier?: string;
                            /** @description true for a process (statuses, keys, values), false for a regular list */
                            process: boolean;
                            /** @description Processes only: whether one record may have several entries */
                            duplicates_allowed?: boolean;
                            /**
                             * @description Contact or Organization; the same strings as entries' entryable_type
                             * @enum {unknown}
                             */
                            entry_type: "Contact" | "Organization";
                            /** @description Processes only */
                            entry_label?: string;
                            /** @description Processes only */
                            status_label?: string;
                            /** @description Processes only, in board order */
                            statuses?: {
                                name: string;
                                /** @enum {unknown} */
                                type: "active" | "won" | "lost";
                            }[];
                            fields: {
                                /**
                                 * @description Short alphanumeric id
                                 * @example QbkUlo4xZq
                                 */
                                id: string;
                                name: string;
                                /** @enum {unknown} */
                                data_type: "text" | "textarea" | "url" | "number" | "date" | "datetime" | "select" | "user" | "contact";
                                /** @description Options of a select field; null for other types */
                                options: string[] | null;
                                accepts_multiple_values: boolean;
                            }[];
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC, milliseconds
                             * @example 2025-04-29T22:47:39.635Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC, milliseconds
                             * @example 2025-04-29T22:47:39.635Z
                             */
                            updated_at: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC, milliseconds
                             * @example 2025-04-29T22:47:39.635Z
                             */
                            archived_at: string | null;
                        }[];
                        pagination: {
                            /** @description `after` + the number of items on this page: pass it as the next `after` */
                            end_cursor: number;
                            has_next_page: boolean;
                            /** @description Items matching the query, over all pages */
                            total_count: number;
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation failed; `details` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Required unless a template gives it */
                    name?: string;
                    /** @description Required unless a template is given (templates make processes) */
                    process?: boolean;
                    /**
                     * @description Contact or Organization; the same strings as entries' entryable_type
                     * @enum {unknown}
                     */
                    entry_type?: "Contact" | "Organization";
                    /** @description Processes: required unless a template gives it */
                    identifier?: string;
                    /** @description Processes: required unless a template is given (then false) */
                    duplicates_allowed?: boolean;
                    /** @description Default: the entry type */
                    entry_label?: string;
                    /** @description Default: Status */
                    status_label?: string;
                    /** @description Default: Started, In progress, Completed (won), Canceled (lost) */
                    statuses?: {
                        name: string;
                        /**
                         * @description `done` is read as `won`
                         * @enum {unknown}
                         */
                        type: "active" | "won" | "lost" | "done";
                    }[];
                    fields?: {
                        name: string;
                        /** @enum {unknown} */
                        data_type: "text" | "textarea" | "url" | "number" | "date" | "datetime" | "select" | "user" | "contact";
                        /** @description Required for select */
                        options?: string[];
                        /** @description Required for select, user and contact */
                        accepts_multiple_values?: boolean;
                    }[];
                    /**
                     * @description Start from a template: its statuses and fields, under what the request adds
                     * @enum {unknown}
                     */
                    template?: "default" | "simple_sales" | "prospects" | "pipeline" | "fundraising" | "recruiting";
                };
            };
        };
        responses: {
            /** @description A regular list, or a process (`process: true`) with the process-only keys. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        id: string;
                        name: string;
                        /** @description Processes only: the prefix of entry keys (`DEAL` gives `DEAL-7`) */
                        identifier?: string;
                        /** @description true for a process (statuses, keys, values), false for a regular list */
                        process: boolean;
                        /** @description Processes only: whether one record may have several entries */
                        duplicates_allowed?: boolean;
                        /**
                         * @description Contact or Organization; the same strings as entries' entryable_type
                         * @enum {unknown}
                         */
                        entry_type: "Contact" | "Organization";
                        /** @description Processes only */
                        entry_label?: string;
                        /** @description Processes only */
                        status_label?: string;
                        /** @description Processes only, in board order */
                        statuses?: {
                            name: string;
                            /** @enum {unknown} */
                            type: "active" | "won" | "lost";
                        }[];
                        fields: {
                            /**
                             * @description Short alphanumeric id
                             * @example QbkUlo4xZq
                             */
                            id: string;
                            name: string;
                            /** @enum {unknown} */
                            data_type: "text" | "textarea" | "url" | "number" | "date" | "datetime" | "select" | "user" | "contact";
                            /** @description Options of a select field; null for other types */
                            options: string[] | null;
                            accepts_multiple_values: boolean;
                        }[];
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        updated_at: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        archived_at: string | null;
                    };
                };
            };
            /** @description Malformed request (unreadable JSON, bad encoding) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported Content-Type on a write (send application/json, in UTF-8) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation failed; `details` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A regular list, or a process (`process: true`) with the process-only keys. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        id: string;
                        name: string;
                        /** @description Processes only: the prefix of entry keys (`DEAL` gives `DEAL-7`) */
                        identifier?: string;
                        /** @description true for a process (statuses, keys, values), false for a regular list */
                        process: boolean;
                        /** @description Processes only: whether one record may have several entries */
                        duplicates_allowed?: boolean;
                        /**
                         * @description Contact or Organization; the same strings as entries' entryable_type
                         * @enum {unknown}
                         */
                        entry_type: "Contact" | "Organization";
                        /** @description Processes only */
                        entry_label?: string;
                        /** @description Processes only */
                        status_label?: string;
                        /** @description Processes only, in board order */
                        statuses?: {
                            name: string;
                            /** @enum {unknown} */
                            type: "active" | "won" | "lost";
                        }[];
                        fields: {
                            /**
                             * @description Short alphanumeric id
                             * @example QbkUlo4xZq
                             */
                            id: string;
                            name: string;
                            /** @enum {unknown} */
                            data_type: "text" | "textarea" | "url" | "number" | "date" | "datetime" | "select" | "user" | "contact";
                            /** @description Options of a select field; null for other types */
                            options: string[] | null;
                            accepts_multiple_values: boolean;
                        }[];
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        updated_at: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        archived_at: string | null;
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @description Cannot change: 422 if different */
                    process?: boolean;
                    /**
                     * @description Cannot change: 422 if different
                     * @enum {unknown}
                     */
                    entry_type?: "Contact" | "Organization";
                    /** @description Existing keys keep their prefix */
                    identifier?: string;
                    duplicates_allowed?: boolean;
                    entry_label?: string;
                    status_label?: string;
                    /** @description true archives (sets archived_at), false unarchives */
                    archived?: boolean;
                    /** @description Merged by name: new names added, known names updated, others kept. Sending every status sets their order. */
                    statuses?: {
                        name: string;
                        /**
                         * @description `done` is read as `won`
                         * @enum {unknown}
                         */
                        type?: "active" | "won" | "lost" | "done";
                        /** @description Renames the item named by `name` */
                        new_name?: string;
                        /** @description true removes the item named by `name` */
                        remove?: boolean;
                    }[];
                    /** @description Merged by name, like statuses */
                    fields?: {
                        name: string;
                        /** @enum {unknown} */
                        data_type?: "text" | "textarea" | "url" | "number" | "date" | "datetime" | "select" | "user" | "contact";
                        /** @description Required for select */
                        options?: string[];
                        /** @description Required for select, user and contact */
                        accepts_multiple_values?: boolean;
                        /** @description Renames the item named by `name` */
                        new_name?: string;
                        /** @description true removes the item named by `name` */
                        remove?: boolean;
                    }[];
                };
            };
        };
        responses: {
            /** @description A regular list, or a process (`process: true`) with the process-only keys. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        id: string;
                        name: string;
                        /** @description Processes only: the prefix of entry keys (`DEAL` gives `DEAL-7`) */
                        identifier?: string;
                        /** @description true for a process (statuses, keys, values), false for a regular list */
                        process: boolean;
                        /** @description Processes only: whether one record may have several entries */
                        duplicates_allowed?: boolean;
                        /**
                         * @description Contact or Organization; the same strings as entries' entryable_type
                         * @enum {unknown}
                         */
                        entry_type: "Contact" | "Organization";
                        /** @description Processes only */
                        entry_label?: string;
                        /** @description Processes only */
                        status_label?: string;
                        /** @description Processes only, in board order */
                        statuses?: {
                            name: string;
                            /** @enum {unknown} */
                            type: "active" | "won" | "lost";
                        }[];
                        fields: {
                            /**
                             * @description Short alphanumeric id
                             * @example QbkUlo4xZq
                             */
                            id: string;
                            name: string;
                            /** @enum {unknown} */
                            data_type: "text" | "textarea" | "url" | "number" | "date" | "datetime" | "select" | "user" | "contact";
                            /** @description Options of a select field; null for other types */
                            options: string[] | null;
                            accepts_multiple_values: boolean;
                        }[];
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        updated_at: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        archived_at: string | null;
                    };
                };
            };
            /** @description Malformed request (unreadable JSON, bad encoding) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported Content-Type on a write (send application/json, in UTF-8) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation failed; `details` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listListConnections: {
        parameters: {
            query?: {
                /** @description Page size; default 25, at most 100 (larger values are served as 100) */
                first?: number;
                /** @description Offset: pass the previous page's `end_cursor` */
                after?: number;
                /** @description Only records updated after this Unix time (seconds) */
                updated_after?: number;
            };
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "Cn4Tq8LmZx",
                     *           "from_list_id": "Jm9UpJ2bLx",
                     *           "from_status": "Qualified",
                     *           "to_list_id": "Pp2Lm9XcVb",
                     *           "to_status": "Qualified",
                     *           "created_at": "2025-04-29T22:47:28.540Z"
                     *         }
                     *       ],
                     *       "pagination": {
                     *         "end_cursor": 1,
                     *         "has_next_page": false,
                     *         "total_count": 1
                     *       }
                     *     }
                     */
                    "application/json": {
                        data: {
                            /**
                             * @description Short alphanumeric id
                             * @example QbkUlo4xZq
                             */
                            id: string;
                            /**
                             * @description Short alphanumeric id
                             * @example QbkUlo4xZq
                             */
                            from_list_id: string;
                            /** @description An entry entering this status of from_list_id... */
                            from_status: string;
                            /**
                             * @description Short alphanumeric id
                             * @example QbkUlo4xZq
                             */
                            to_list_id: string;
                            /** @description ...is put into to_list_id at this status */
                            to_status: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC, milliseconds
                             * @example 2025-04-29T22:47:39.635Z
                             */
                            created_at: string;
                        }[];
                        pagination: {
                            /** @description `after` + the number of items on this page: pass it as the next `after` */
                            end_cursor: number;
                            has_next_page: boolean;
                            /** @description Items matching the query, over all pages */
                            total_count: number;
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation failed; `details` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createListConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "from_status": "Qualified",
                 *       "to_list_id": "Pp2Lm9XcVb",
                 *       "to_status": "Qualified"
                 *     }
                 */
                "application/json": {
                    /** @description A status of this process */
                    from_status: string;
                    /**
                     * @description Short alphanumeric id
                     * @example QbkUlo4xZq
                     */
                    to_list_id: string;
                    /** @description A status of the target process */
                    to_status: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "Cn4Tq8LmZx",
                     *       "from_list_id": "Jm9UpJ2bLx",
                     *       "from_status": "Qualified",
                     *       "to_list_id": "Pp2Lm9XcVb",
                     *       "to_status": "Qualified",
                     *       "created_at": "2025-04-29T22:47:28.540Z"
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        id: string;
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        from_list_id: string;
                        /** @description An entry entering this status of from_list_id... */
                        from_status: string;
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        to_list_id: string;
                        /** @description ...is put into to_list_id at this status */
                        to_status: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        created_at: string;
                    };
                };
            };
            /** @description Malformed request (unreadable JSON, bad encoding) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported Content-Type on a write (send application/json, in UTF-8) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation failed; `details` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteListConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                connection_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listEntries: {
        parameters: {
            query?: {
                /** @description Page size; default 25, at most 100 (larger values are served as 100) */
                first?: number;
                /** @description Offset: pass the previous page's `end_cursor` */
                after?: number;
                /** @description Only records updated after this Unix time (seconds) */
                updated_after?: number;
                /** @description Status name; repeat for several (any of them) */
                status?: string[];
                status_type?: "active" | "won" | "lost";
                assignee_email?: string;
                entryable_type?: "Contact" | "Organization";
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                entryable_id?: string;
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                contact_id?: string;
                /** @description Only entries created after this Unix time (seconds) */
                created_after?: number;
                /** @description Only entries created before this Unix time (seconds) */
                created_before?: number;
                /** @description Only entries updated before this Unix time (seconds) */
                updated_before?: number;
                /** @description Only entries closed after this Unix time (seconds) */
                closed_after?: number;
                /** @description Only entries closed before this Unix time (seconds) */
                closed_before?: number;
                /** @description Order; `-` for descending. Default `-updated_at`. Nulls sort last. */
                sort?: "updated_at" | "-updated_at" | "created_at" | "-created_at" | "key" | "-key" | "one_time_value_cents" | "-one_time_value_cents" | "closed_at" | "-closed_at";
            };
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                list_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "QrhZvA8sYt",
                     *           "key": "TEST PROCE-1",
                     *           "list_id": "Jm9UpJ2bLx",
                     *           "entryable_id": "GEF751p0Qa",
                     *           "entryable_type": "Organization",
                     *           "status": "Started",
                     *           "assignee": null,
                     *           "contact_id": null,
                     *           "one_time_value_cents": 0,
                     *           "recurring_value_cents": 0,
                     *           "recurring_value_period": "annual",
                     *           "list_fields": {
                     *             "w9DSqo7hTe": {
                     *               "name": "test field",
                     *               "data_type": "text",
                     *               "value": "test value"
                     *             }
                     *           },
                     *           "closed_at": null,
                     *           "next_entry_id": null,
                     *           "created_at": "2025-04-29T22:52:52.818Z",
                     *           "updated_at": "2025-04-29T22:54:58.809Z"
                     *         }
                     *       ],
                     *       "pagination": {
                     *         "end_cursor": 1,
                     *         "has_next_page": false,
                     *         "total_count": 1
                     *       }
                     *     }
                     */
                    "application/json": {
                        data: {
                            /**
                             * @description Short alphanumeric id
                             * @example QbkUlo4xZq
                             */
                            id: string;
                            /** @description `<identifier>-<n>` in a process; null in a regular list */
                            key: string | null;
                            /**
                             * @description Short alphanumeric id
                             * @example QbkUlo4xZq
                             */
                            list_id: string;
                            /**
                             * @description Short alphanumeric id
                             * @example QbkUlo4xZq
                             */
                            entryable_id: string;
                            /** @enum {unknown} */
                            entryable_type: "Contact" | "Organization";
                            /** @description Processes only: the status name */
                            status?: string;
                            /**
                             * MemberRef
                             * @description Processes only
                             */
                            assignee?: {
                                /**
                                 * @description Short alphanumeric id
                                 * @example QbkUlo4xZq
                                 */
                                id: string;
                                name: string;
                                email: string;
                            } | null;
                            /**
                             * @description Short alphanumeric id
                             * @example QbkUlo4xZq
                             */
                            contact_id: string | null;
                            /** @description Processes only; cents */
                            one_time_value_cents?: number;
                            /** @description Processes only; cents */
                            recurring_value_cents?: number;
                            /**
                             * @description Processes only
                             * @enum {unknown}
                             */
                            recurring_value_period?: "monthly" | "annual" | "one_time" | null;
                            /** @description Every field of the list, keyed by field id */
                            list_fields: {
                                [key: string]: {
                                    name: string;
                                    /** @enum {unknown} */
                                    data_type: "text" | "textarea" | "url" | "number" | "date" | "datetime" | "select" | "user" | "contact";
                                    /** @description A scalar, an array for multi-value fields, or null when unset */
                                    value: unknown;
                                };
                            };
                            /**
                             * Format: date-time
                             * @description Processes only: set on entering a won or lost status, cleared on returning to an active one
                             * @example 2025-04-29T22:47:39.635Z
                             */
                            closed_at?: string | null;
                            /**
                             * @description Processes only: the entry a connected-list rule created (or found) for this one
                             * @example QbkUlo4xZq
                             */
                            next_entry_id?: string | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC, milliseconds
                             * @example 2025-04-29T22:47:39.635Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC, milliseconds
                             * @example 2025-04-29T22:47:39.635Z
                             */
                            updated_at: string;
                        }[];
                        pagination: {
                            /** @description `after` + the number of items on this page: pass it as the next `after` */
                            end_cursor: number;
                            has_next_page: boolean;
                            /** @description Items matching the query, over all pages */
                            total_count: number;
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation failed; `details` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                list_id: string;
            };
            cookie?: never;
        };
        /** @description In a process, `status`, `one_time_value_cents`, `recurring_value_cents` and `recurring_value_period` are required. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "entryable_id": "GEF751p0Qa",
                 *       "entryable_type": "Organization",
                 *       "status": "Started",
                 *       "assignee_email": "paul@atreid.es",
                 *       "one_time_value_cents": 500000,
                 *       "recurring_value_cents": 0,
                 *       "recurring_value_period": "monthly",
                 *       "list_fields": [
                 *         {
                 *           "name": "test field",
                 *           "value": "test value"
                 *         },
                 *         {
                 *           "name": "Tags",
                 *           "value": [
                 *             "option1",
                 *             "option2"
                 *           ]
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    /**
                     * @description Short alphanumeric id
                     * @example QbkUlo4xZq
                     */
                    entryable_id: string;
                    /**
                     * @description Must be the list's entry_type
                     * @enum {unknown}
                     */
                    entryable_type: "Contact" | "Organization";
                    /** @description Processes: a status name */
                    status?: string;
                    /** @description Processes: a member's email; null unassigns */
                    assignee_email?: string | null;
                    one_time_value_cents?: number;
                    recurring_value_cents?: number;
                    /** @enum {unknown} */
                    recurring_value_period?: "monthly" | "annual" | "one_time";
                    /**
                     * @description A contact; for an organization entry, one of the organization's
                     * @example QbkUlo4xZq
                     */
                    contact_id?: string | null;
                    /** @description By field name: `[{"name": ..., "value": ...}]` (or `{"<name>": value}`); an array value for multi-value fields; null clears */
                    list_fields?: {
                        name: string;
                        /** @description A scalar, an array for multi-value fields, or null to clear */
                        value: unknown;
                    }[] | {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description An entry of a regular list, or of a process with the process-only keys. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        id: string;
                        /** @description `<identifier>-<n>` in a process; null in a regular list */
                        key: string | null;
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        list_id: string;
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        entryable_id: string;
                        /** @enum {unknown} */
                        entryable_type: "Contact" | "Organization";
                        /** @description Processes only: the status name */
                        status?: string;
                        /**
                         * MemberRef
                         * @description Processes only
                         */
                        assignee?: {
                            /**
                             * @description Short alphanumeric id
                             * @example QbkUlo4xZq
                             */
                            id: string;
                            name: string;
                            email: string;
                        } | null;
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        contact_id: string | null;
                        /** @description Processes only; cents */
                        one_time_value_cents?: number;
                        /** @description Processes only; cents */
                        recurring_value_cents?: number;
                        /**
                         * @description Processes only
                         * @enum {unknown}
                         */
                        recurring_value_period?: "monthly" | "annual" | "one_time" | null;
                        /** @description Every field of the list, keyed by field id */
                        list_fields: {
                            [key: string]: {
                                name: string;
                                /** @enum {unknown} */
                                data_type: "text" | "textarea" | "url" | "number" | "date" | "datetime" | "select" | "user" | "contact";
                                /** @description A scalar, an array for multi-value fields, or null when unset */
                                value: unknown;
                            };
                        };
                        /**
                         * Format: date-time
                         * @description Processes only: set on entering a won or lost status, cleared on returning to an active one
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        closed_at?: string | null;
                        /**
                         * @description Processes only: the entry a connected-list rule created (or found) for this one
                         * @example QbkUlo4xZq
                         */
                        next_entry_id?: string | null;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Malformed request (unreadable JSON, bad encoding) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported Content-Type on a write (send application/json, in UTF-8) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation failed; `details` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                list_id: string;
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An entry of a regular list, or of a process with the process-only keys. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        id: string;
                        /** @description `<identifier>-<n>` in a process; null in a regular list */
                        key: string | null;
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        list_id: string;
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        entryable_id: string;
                        /** @enum {unknown} */
                        entryable_type: "Contact" | "Organization";
                        /** @description Processes only: the status name */
                        status?: string;
                        /**
                         * MemberRef
                         * @description Processes only
                         */
                        assignee?: {
                            /**
                             * @description Short alphanumeric id
                             * @example QbkUlo4xZq
                             */
                            id: string;
                            name: string;
                            email: string;
                        } | null;
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        contact_id: string | null;
                        /** @description Processes only; cents */
                        one_time_value_cents?: number;
                        /** @description Processes only; cents */
                        recurring_value_cents?: number;
                        /**
                         * @description Processes only
                         * @enum {unknown}
                         */
                        recurring_value_period?: "monthly" | "annual" | "one_time" | null;
                        /** @description Every field of the list, keyed by field id */
                        list_fields: {
                            [key: string]: {
                                name: string;
                                /** @enum {unknown} */
                                data_type: "text" | "textarea" | "url" | "number" | "date" | "datetime" | "select" | "user" | "contact";
                                /** @description A scalar, an array for multi-value fields, or null when unset */
                                value: unknown;
                            };
                        };
                        /**
                         * Format: date-time
                         * @description Processes only: set on entering a won or lost status, cleared on returning to an active one
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        closed_at?: string | null;
                        /**
                         * @description Processes only: the entry a connected-list rule created (or found) for this one
                         * @example QbkUlo4xZq
                         */
                        next_entry_id?: string | null;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                list_id: string;
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                list_id: string;
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
            };
            cookie?: never;
        };
        /** @description Changes only what is sent. `entryable_id` and `entryable_type` cannot change (422 if different). */
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Short alphanumeric id
                     * @example QbkUlo4xZq
                     */
                    entryable_id?: string;
                    /** @enum {unknown} */
                    entryable_type?: "Contact" | "Organization";
                    /** @description Processes: a status name */
                    status?: string;
                    /** @description Processes: a member's email; null unassigns */
                    assignee_email?: string | null;
                    one_time_value_cents?: number;
                    recurring_value_cents?: number;
                    /** @enum {unknown} */
                    recurring_value_period?: "monthly" | "annual" | "one_time";
                    /**
                     * @description A contact; for an organization entry, one of the organization's
                     * @example QbkUlo4xZq
                     */
                    contact_id?: string | null;
                    /** @description By field name: `[{"name": ..., "value": ...}]` (or `{"<name>": value}`); an array value for multi-value fields; null clears */
                    list_fields?: {
                        name: string;
                        /** @description A scalar, an array for multi-value fields, or null to clear */
                        value: unknown;
                    }[] | {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description An entry of a regular list, or of a process with the process-only keys. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        id: string;
                        /** @description `<identifier>-<n>` in a process; null in a regular list */
                        key: string | null;
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        list_id: string;
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        entryable_id: string;
                        /** @enum {unknown} */
                        entryable_type: "Contact" | "Organization";
                        /** @description Processes only: the status name */
                        status?: string;
                        /**
                         * MemberRef
                         * @description Processes only
                         */
                        assignee?: {
                            /**
                             * @description Short alphanumeric id
                             * @example QbkUlo4xZq
                             */
                            id: string;
                            name: string;
                            email: string;
                        } | null;
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        contact_id: string | null;
                        /** @description Processes only; cents */
                        one_time_value_cents?: number;
                        /** @description Processes only; cents */
                        recurring_value_cents?: number;
                        /**
                         * @description Processes only
                         * @enum {unknown}
                         */
                        recurring_value_period?: "monthly" | "annual" | "one_time" | null;
                        /** @description Every field of the list, keyed by field id */
                        list_fields: {
                            [key: string]: {
                                name: string;
                                /** @enum {unknown} */
                                data_type: "text" | "textarea" | "url" | "number" | "date" | "datetime" | "select" | "user" | "contact";
                                /** @description A scalar, an array for multi-value fields, or null when unset */
                                value: unknown;
                            };
                        };
                        /**
                         * Format: date-time
                         * @description Processes only: set on entering a won or lost status, cleared on returning to an active one
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        closed_at?: string | null;
                        /**
                         * @description Processes only: the entry a connected-list rule created (or found) for this one
                         * @example QbkUlo4xZq
                         */
                        next_entry_id?: string | null;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Malformed request (unreadable JSON, bad encoding) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Error */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported Content-Type on a write (send application/json, in UTF-8) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation failed; `details` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listEntryStatusChanges: {
        parameters: {
            query?: {
                /** @description Page size; default 25, at most 100 (larger values are served as 100) */
                first?: number;
                /** @description Offset: pass the previous page's `end_cursor` */
                after?: number;
                /** @description Only records updated after this Unix time (seconds) */
                updated_after?: number;
            };
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                list_id: string;
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "Sc8Lp2QwEr",
                     *           "entry_id": "QrhZvA8sYt",
                     *           "from_status": "Started",
                     *           "to_status": "Completed",
                     *           "changed_at": "2025-04-30T09:12:01.004Z",
                     *           "user": {
                     *             "id": "Uq3Xb9LmT2",
                     *             "name": "Paul Atreides",
                     *             "email": "paul@atreid.es"
                     *           },
                     *           "api_key_id": "Kx7Pq2NmLa"
                     *         }
                     *       ],
                     *       "pagination": {
                     *         "end_cursor": 1,
                     *         "has_next_page": false,
                     *         "total_count": 1
                     *       }
                     *     }
                     */
                    "application/json": {
                        data: {
                            /**
                             * @description Short alphanumeric id
                             * @example QbkUlo4xZq
                             */
                            id: string;
                            /**
                             * @description Short alphanumeric id
                             * @example QbkUlo4xZq
                             */
                            entry_id: string;
                            /** @description Status left, by its name then; null for the first status */
                            from_status: string | null;
                            to_status: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC, milliseconds
                             * @example 2025-04-29T22:47:39.635Z
                             */
                            changed_at: string;
                            /**
                             * MemberRef
                             * @description The member whose key made the change, if any
                             */
                            user: {
                                /**
                                 * @description Short alphanumeric id
                                 * @example QbkUlo4xZq
                                 */
                                id: string;
                                name: string;
                                email: string;
                            } | null;
                            /**
                             * @description The key that made the change; null for the CLI
                             * @example QbkUlo4xZq
                             */
                            api_key_id: string | null;
                        }[];
                        pagination: {
                            /** @description `after` + the number of items on this page: pass it as the next `after` */
                            end_cursor: number;
                            has_next_page: boolean;
                            /** @description Items matching the query, over all pages */
                            total_count: number;
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation failed; `details` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listContacts: {
        parameters: {
            query?: {
                /** @description Page size; default 25, at most 100 (larger values are served as 100) */
                first?: number;
                /** @description Offset: pass the previous page's `end_cursor` */
                after?: number;
                /** @description Only records updated after this Unix time (seconds) */
                updated_after?: number;
                /** @description Only the contact with exactly this address (any case) */
                email?: string;
                /** @description Only contacts with this number, in any written form */
                phone_number?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "Ct4Rz8Wk1B",
                     *           "first_name": "Paul",
                     *           "last_name": "Atreides",
                     *           "name": "Paul Atreides",
                     *           "title": "Duke",
                     *           "emails": [
                     *             "paul@atreid.es"
                     *           ],
                     *           "phone_numbers": [
                     *             "010-1234-5678"
                     *           ],
                     *           "organization_id": "Or2Gx5Hn7C",
                     *           "custom_fields": {
                     *             "Cf7Lp2Qx9A": {
                     *               "name": "House",
                     *               "data_type": "text",
                     *               "value": "Atreides"
                     *             }
                     *           },
                     *           "created_at": "2025-04-29T22:47:39.635Z",
                     *           "updated_at": "2025-04-29T22:54:48.439Z"
                     *         }
                     *       ],
                     *       "pagination": {
                     *         "end_cursor": 1,
                     *         "has_next_page": false,
                     *         "total_count": 1
                     *       }
                     *     }
                     */
                    "application/json": {
                        data: {
                            /**
                             * @description Short alphanumeric id
                             * @example QbkUlo4xZq
                             */
                            id: string;
                            first_name: string | null;
                            last_name: string | null;
                            /** @description Display name: as sent, or first and last name joined */
                            name: string | null;
                            title: string | null;
                            /** @description As written; unique in the workspace, any case */
                            emails: string[];
                            /** @description As written; looked up in normalised form */
                            phone_numbers: string[];
                            /** @description Short alphanumeric id */
                            organization_id: string | null;
                            /**
                             * @description Fields holding a value, keyed by custom field id
                             * @example {
                             *       "Cf7Lp2Qx9A": {
                             *         "name": "House",
                             *         "data_type": "text",
                             *         "value": "Atreides"
                             *       }
                             *     }
                             */
                            custom_fields: {
                                [key: string]: {
                                    name: string;
                                    /** @enum {unknown} */
                                    data_type: "text" | "textarea" | "url" | "number" | "date" | "datetime" | "select" | "user" | "contact";
                                    /** @description A scalar, or an array for multi-value fields */
                                    value: unknown;
                                };
                            };
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC, milliseconds
                             * @example 2025-04-29T22:47:39.635Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC, milliseconds
                             * @example 2025-04-29T22:47:39.635Z
                             */
                            updated_at: string;
                        }[];
                        pagination: {
                            /** @description `after` + the number of items on this page: pass it as the next `after` */
                            end_cursor: number;
                            has_next_page: boolean;
                            /** @description Items matching the query, over all pages */
                            total_count: number;
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation failed; `details` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createContact: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "organization_id": "auto",
                 *       "first_name": "Paul",
                 *       "last_name": "Atreides",
                 *       "emails": [
                 *         "paul@atreid.es"
                 *       ],
                 *       "phone_numbers": [
                 *         "010-1234-5678"
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @description Required unless `name` or an email is given */
                    first_name?: string | null;
                    last_name?: string | null;
                    /** @description Full display name; when sent alone it also fills first and last name */
                    name?: string | null;
                    title?: string | null;
                    /** @description Added to the existing ones on PATCH */
                    emails?: string[];
                    /** @description Added to the existing ones on PATCH */
                    phone_numbers?: string[];
                    /** @description An organization id, `"auto"` (the organization owning an email domain, made when none does) or null */
                    organization_id?: string | null;
                    /**
                     * @description Set by custom field name: `[{"name": "House", "value": "Atreides"}]`; `null` clears a value
                     * @example [
                     *       {
                     *         "name": "House",
                     *         "value": "Atreides"
                     *       }
                     *     ]
                     */
                    custom_fields?: {
                        name: string;
                        /** @description A scalar, an array for multi-value fields, or null to clear */
                        value: unknown;
                    }[] | {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "Ct4Rz8Wk1B",
                     *       "first_name": "Paul",
                     *       "last_name": "Atreides",
                     *       "name": "Paul Atreides",
                     *       "title": "Duke",
                     *       "emails": [
                     *         "paul@atreid.es"
                     *       ],
                     *       "phone_numbers": [
                     *         "010-1234-5678"
                     *       ],
                     *       "organization_id": "Or2Gx5Hn7C",
                     *       "custom_fields": {
                     *         "Cf7Lp2Qx9A": {
                     *           "name": "House",
                     *           "data_type": "text",
                     *           "value": "Atreides"
                     *         }
                     *       },
                     *       "created_at": "2025-04-29T22:47:39.635Z",
                     *       "updated_at": "2025-04-29T22:54:48.439Z"
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        id: string;
                        first_name: string | null;
                        last_name: string | null;
                        /** @description Display name: as sent, or first and last name joined */
                        name: string | null;
                        title: string | null;
                        /** @description As written; unique in the workspace, any case */
                        emails: string[];
                        /** @description As written; looked up in normalised form */
                        phone_numbers: string[];
                        /** @description Short alphanumeric id */
                        organization_id: string | null;
                        /**
                         * @description Fields holding a value, keyed by custom field id
                         * @example {
                         *       "Cf7Lp2Qx9A": {
                         *         "name": "House",
                         *         "data_type": "text",
                         *         "value": "Atreides"
                         *       }
                         *     }
                         */
                        custom_fields: {
                            [key: string]: {
                                name: string;
                                /** @enum {unknown} */
                                data_type: "text" | "textarea" | "url" | "number" | "date" | "datetime" | "select" | "user" | "contact";
                                /** @description A scalar, or an array for multi-value fields */
                                value: unknown;
                            };
                        };
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Malformed request (unreadable JSON, bad encoding) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported Content-Type on a write (send application/json, in UTF-8) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation failed; `details` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "Ct4Rz8Wk1B",
                     *       "first_name": "Paul",
                     *       "last_name": "Atreides",
                     *       "name": "Paul Atreides",
                     *       "title": "Duke",
                     *       "emails": [
                     *         "paul@atreid.es"
                     *       ],
                     *       "phone_numbers": [
                     *         "010-1234-5678"
                     *       ],
                     *       "organization_id": "Or2Gx5Hn7C",
                     *       "custom_fields": {
                     *         "Cf7Lp2Qx9A": {
                     *           "name": "House",
                     *           "data_type": "text",
                     *           "value": "Atreides"
                     *         }
                     *       },
                     *       "created_at": "2025-04-29T22:47:39.635Z",
                     *       "updated_at": "2025-04-29T22:54:48.439Z"
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        id: string;
                        first_name: string | null;
                        last_name: string | null;
                        /** @description Display name: as sent, or first and last name joined */
                        name: string | null;
                        title: string | null;
                        /** @description As written; unique in the workspace, any case */
                        emails: string[];
                        /** @description As written; looked up in normalised form */
                        phone_numbers: string[];
                        /** @description Short alphanumeric id */
                        organization_id: string | null;
                        /**
                         * @description Fields holding a value, keyed by custom field id
                         * @example {
                         *       "Cf7Lp2Qx9A": {
                         *         "name": "House",
                         *         "data_type": "text",
                         *         "value": "Atreides"
                         *       }
                         *     }
                         */
                        custom_fields: {
                            [key: string]: {
                                name: string;
                                /** @enum {unknown} */
                                data_type: "text" | "textarea" | "url" | "number" | "date" | "datetime" | "select" | "user" | "contact";
                                /** @description A scalar, or an array for multi-value fields */
                                value: unknown;
                            };
                        };
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "emails": [
                 *         "usul@arrak.is"
                 *       ],
                 *       "custom_fields": [
                 *         {
                 *           "name": "House",
                 *           "value": "Atreides"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @description Required unless `name` or an email is given */
                    first_name?: string | null;
                    last_name?: string | null;
                    /** @description Full display name; when sent alone it also fills first and last name */
                    name?: string | null;
                    title?: string | null;
                    /** @description Added to the existing ones on PATCH */
                    emails?: string[];
                    /** @description Added to the existing ones on PATCH */
                    phone_numbers?: string[];
                    /** @description An organization id, `"auto"` (the organization owning an email domain, made when none does) or null */
                    organization_id?: string | null;
                    /**
                     * @description Set by custom field name: `[{"name": "House", "value": "Atreides"}]`; `null` clears a value
                     * @example [
                     *       {
                     *         "name": "House",
                     *         "value": "Atreides"
                     *       }
                     *     ]
                     */
                    custom_fields?: {
                        name: string;
                        /** @description A scalar, an array for multi-value fields, or null to clear */
                        value: unknown;
                    }[] | {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "Ct4Rz8Wk1B",
                     *       "first_name": "Paul",
                     *       "last_name": "Atreides",
                     *       "name": "Paul Atreides",
                     *       "title": "Duke",
                     *       "emails": [
                     *         "paul@atreid.es"
                     *       ],
                     *       "phone_numbers": [
                     *         "010-1234-5678"
                     *       ],
                     *       "organization_id": "Or2Gx5Hn7C",
                     *       "custom_fields": {
                     *         "Cf7Lp2Qx9A": {
                     *           "name": "House",
                     *           "data_type": "text",
                     *           "value": "Atreides"
                     *         }
                     *       },
                     *       "created_at": "2025-04-29T22:47:39.635Z",
                     *       "updated_at": "2025-04-29T22:54:48.439Z"
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        id: string;
                        first_name: string | null;
                        last_name: string | null;
                        /** @description Display name: as sent, or first and last name joined */
                        name: string | null;
                        title: string | null;
                        /** @description As written; unique in the workspace, any case */
                        emails: string[];
                        /** @description As written; looked up in normalised form */
                        phone_numbers: string[];
                        /** @description Short alphanumeric id */
                        organization_id: string | null;
                        /**
                         * @description Fields holding a value, keyed by custom field id
                         * @example {
                         *       "Cf7Lp2Qx9A": {
                         *         "name": "House",
                         *         "data_type": "text",
                         *         "value": "Atreides"
                         *       }
                         *     }
                         */
                        custom_fields: {
                            [key: string]: {
                                name: string;
                                /** @enum {unknown} */
                                data_type: "text" | "textarea" | "url" | "number" | "date" | "datetime" | "select" | "user" | "contact";
                                /** @description A scalar, or an array for multi-value fields */
                                value: unknown;
                            };
                        };
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Malformed request (unreadable JSON, bad encoding) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported Content-Type on a write (send application/json, in UTF-8) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation failed; `details` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    removeContactEmails: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "emails": [
                 *         "usul@arrak.is"
                 *       ]
                 *     }
                 */
                "application/json": {
                    emails: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "Ct4Rz8Wk1B",
                     *       "first_name": "Paul",
                     *       "last_name": "Atreides",
                     *       "name": "Paul Atreides",
                     *       "title": "Duke",
                     *       "emails": [
                     *         "paul@atreid.es"
                     *       ],
                     *       "phone_numbers": [
                     *         "010-1234-5678"
                     *       ],
                     *       "organization_id": "Or2Gx5Hn7C",
                     *       "custom_fields": {
                     *         "Cf7Lp2Qx9A": {
                     *           "name": "House",
                     *           "data_type": "text",
                     *           "value": "Atreides"
                     *         }
                     *       },
                     *       "created_at": "2025-04-29T22:47:39.635Z",
                     *       "updated_at": "2025-04-29T22:54:48.439Z"
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        id: string;
                        first_name: string | null;
                        last_name: string | null;
                        /** @description Display name: as sent, or first and last name joined */
                        name: string | null;
                        title: string | null;
                        /** @description As written; unique in the workspace, any case */
                        emails: string[];
                        /** @description As written; looked up in normalised form */
                        phone_numbers: string[];
                        /** @description Short alphanumeric id */
                        organization_id: string | null;
                        /**
                         * @description Fields holding a value, keyed by custom field id
                         * @example {
                         *       "Cf7Lp2Qx9A": {
                         *         "name": "House",
                         *         "data_type": "text",
                         *         "value": "Atreides"
                         *       }
                         *     }
                         */
                        custom_fields: {
                            [key: string]: {
                                name: string;
                                /** @enum {unknown} */
                                data_type: "text" | "textarea" | "url" | "number" | "date" | "datetime" | "select" | "user" | "contact";
                                /** @description A scalar, or an array for multi-value fields */
                                value: unknown;
                            };
                        };
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Malformed request (unreadable JSON, bad encoding) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported Content-Type on a write (send application/json, in UTF-8) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation failed; `details` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    removeContactPhoneNumbers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "phone_numbers": [
                 *         "+82 10-1234-5678"
                 *       ]
                 *     }
                 */
                "application/json": {
                    phone_numbers: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "Ct4Rz8Wk1B",
                     *       "first_name": "Paul",
                     *       "last_name": "Atreides",
                     *       "name": "Paul Atreides",
                     *       "title": "Duke",
                     *       "emails": [
                     *         "paul@atreid.es"
                     *       ],
                     *       "phone_numbers": [
                     *         "010-1234-5678"
                     *       ],
                     *       "organization_id": "Or2Gx5Hn7C",
                     *       "custom_fields": {
                     *         "Cf7Lp2Qx9A": {
                     *           "name": "House",
                     *           "data_type": "text",
                     *           "value": "Atreides"
                     *         }
                     *       },
                     *       "created_at": "2025-04-29T22:47:39.635Z",
                     *       "updated_at": "2025-04-29T22:54:48.439Z"
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        id: string;
                        first_name: string | null;
                        last_name: string | null;
                        /** @description Display name: as sent, or first and last name joined */
                        name: string | null;
                        title: string | null;
                        /** @description As written; unique in the workspace, any case */
                        emails: string[];
                        /** @description As written; looked up in normalised form */
                        phone_numbers: string[];
                        /** @description Short alphanumeric id */
                        organization_id: string | null;
                        /**
                         * @description Fields holding a value, keyed by custom field id
                         * @example {
                         *       "Cf7Lp2Qx9A": {
                         *         "name": "House",
                         *         "data_type": "text",
                         *         "value": "Atreides"
                         *       }
                         *     }
                         */
                        custom_fields: {
                            [key: string]: {
                                name: string;
                                /** @enum {unknown} */
                                data_type: "text" | "textarea" | "url" | "number" | "date" | "datetime" | "select" | "user" | "contact";
                                /** @description A scalar, or an array for multi-value fields */
                                value: unknown;
                            };
                        };
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Malformed request (unreadable JSON, bad encoding) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported Content-Type on a write (send application/json, in UTF-8) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation failed; `details` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listOrganizations: {
        parameters: {
            query?: {
                /** @description Page size; default 25, at most 100 (larger values are served as 100) */
                first?: number;
                /** @description Offset: pass the previous page's `end_cursor` */
                after?: number;
                /** @description Only records updated after this Unix time (seconds) */
                updated_after?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "Or2Gx5Hn7C",
                     *           "name": "Relate",
                     *           "description": "Sales CRM",
                     *           "domains": [
                     *             "relate.so",
                     *             "relate.kr"
                     *           ],
                     *           "custom_fields": {
                     *             "Cf7Lp2Qx9A": {
                     *               "name": "Category",
                     *               "data_type": "select",
                     *               "value": "Startup"
                     *             }
                     *           },
                     *           "created_at": "2025-04-29T22:47:39.635Z",
                     *           "updated_at": "2025-04-29T22:54:48.439Z"
                     *         }
                     *       ],
                     *       "pagination": {
                     *         "end_cursor": 1,
                     *         "has_next_page": false,
                     *         "total_count": 1
                     *       }
                     *     }
                     */
                    "application/json": {
                        data: {
                            /**
                             * @description Short alphanumeric id
                             * @example QbkUlo4xZq
                             */
                            id: string;
                            /** @description As sent, or the first domain when none was */
                            name: string;
                            description: string | null;
                            /** @description Normalised (lower case, no scheme, `www.` or path); unique in the workspace */
                            domains: string[];
                            /**
                             * @description Fields holding a value, keyed by custom field id
                             * @example {
                             *       "Cf7Lp2Qx9A": {
                             *         "name": "House",
                             *         "data_type": "text",
                             *         "value": "Atreides"
                             *       }
                             *     }
                             */
                            custom_fields: {
                                [key: string]: {
                                    name: string;
                                    /** @enum {unknown} */
                                    data_type: "text" | "textarea" | "url" | "number" | "date" | "datetime" | "select" | "user" | "contact";
                                    /** @description A scalar, or an array for multi-value fields */
                                    value: unknown;
                                };
                            };
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC, milliseconds
                             * @example 2025-04-29T22:47:39.635Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC, milliseconds
                             * @example 2025-04-29T22:47:39.635Z
                             */
                            updated_at: string;
                        }[];
                        pagination: {
                            /** @description `after` + the number of items on this page: pass it as the next `after` */
                            end_cursor: number;
                            has_next_page: boolean;
                            /** @description Items matching the query, over all pages */
                            total_count: number;
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation failed; `details` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Relate",
                 *       "domains": [
                 *         "relate.so"
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @description Required unless a valid domain is given */
                    name?: string | null;
                    description?: string | null;
                    /** @description Domains or URLs; added to the existing ones on PATCH */
                    domains?: string[];
                    /**
                     * @description Set by custom field name: `[{"name": "House", "value": "Atreides"}]`; `null` clears a value
                     * @example [
                     *       {
                     *         "name": "House",
                     *         "value": "Atreides"
                     *       }
                     *     ]
                     */
                    custom_fields?: {
                        name: string;
                        /** @description A scalar, an array for multi-value fields, or null to clear */
                        value: unknown;
                    }[] | {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "Or2Gx5Hn7C",
                     *       "name": "Relate",
                     *       "description": "Sales CRM",
                     *       "domains": [
                     *         "relate.so",
                     *         "relate.kr"
                     *       ],
                     *       "custom_fields": {
                     *         "Cf7Lp2Qx9A": {
                     *           "name": "Category",
                     *           "data_type": "select",
                     *           "value": "Startup"
                     *         }
                     *       },
                     *       "created_at": "2025-04-29T22:47:39.635Z",
                     *       "updated_at": "2025-04-29T22:54:48.439Z"
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        id: string;
                        /** @description As sent, or the first domain when none was */
                        name: string;
                        description: string | null;
                        /** @description Normalised (lower case, no scheme, `www.` or path); unique in the workspace */
                        domains: string[];
                        /**
                         * @description Fields holding a value, keyed by custom field id
                         * @example {
                         *       "Cf7Lp2Qx9A": {
                         *         "name": "House",
                         *         "data_type": "text",
                         *         "value": "Atreides"
                         *       }
                         *     }
                         */
                        custom_fields: {
                            [key: string]: {
                                name: string;
                                /** @enum {unknown} */
                                data_type: "text" | "textarea" | "url" | "number" | "date" | "datetime" | "select" | "user" | "contact";
                                /** @description A scalar, or an array for multi-value fields */
                                value: unknown;
                            };
                        };
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Malformed request (unreadable JSON, bad encoding) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported Content-Type on a write (send application/json, in UTF-8) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation failed; `details` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "Or2Gx5Hn7C",
                     *       "name": "Relate",
                     *       "description": "Sales CRM",
                     *       "domains": [
                     *         "relate.so",
                     *         "relate.kr"
                     *       ],
                     *       "custom_fields": {
                     *         "Cf7Lp2Qx9A": {
                     *           "name": "Category",
                     *           "data_type": "select",
                     *           "value": "Startup"
                     *         }
                     *       },
                     *       "created_at": "2025-04-29T22:47:39.635Z",
                     *       "updated_at": "2025-04-29T22:54:48.439Z"
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        id: string;
                        /** @description As sent, or the first domain when none was */
                        name: string;
                        description: string | null;
                        /** @description Normalised (lower case, no scheme, `www.` or path); unique in the workspace */
                        domains: string[];
                        /**
                         * @description Fields holding a value, keyed by custom field id
                         * @example {
                         *       "Cf7Lp2Qx9A": {
                         *         "name": "House",
                         *         "data_type": "text",
                         *         "value": "Atreides"
                         *       }
                         *     }
                         */
                        custom_fields: {
                            [key: string]: {
                                name: string;
                                /** @enum {unknown} */
                                data_type: "text" | "textarea" | "url" | "number" | "date" | "datetime" | "select" | "user" | "contact";
                                /** @description A scalar, or an array for multi-value fields */
                                value: unknown;
                            };
                        };
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Relate",
                 *       "domains": [
                 *         "relate.so",
                 *         "relate.kr"
                 *       ],
                 *       "custom_fields": [
                 *         {
                 *           "name": "Category",
                 *           "value": "Startup"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @description Required unless a valid domain is given */
                    name?: string | null;
                    description?: string | null;
                    /** @description Domains or URLs; added to the existing ones on PATCH */
                    domains?: string[];
                    /**
                     * @description Set by custom field name: `[{"name": "House", "value": "Atreides"}]`; `null` clears a value
                     * @example [
                     *       {
                     *         "name": "House",
                     *         "value": "Atreides"
                     *       }
                     *     ]
                     */
                    custom_fields?: {
                        name: string;
                        /** @description A scalar, an array for multi-value fields, or null to clear */
                        value: unknown;
                    }[] | {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "Or2Gx5Hn7C",
                     *       "name": "Relate",
                     *       "description": "Sales CRM",
                     *       "domains": [
                     *         "relate.so",
                     *         "relate.kr"
                     *       ],
                     *       "custom_fields": {
                     *         "Cf7Lp2Qx9A": {
                     *           "name": "Category",
                     *           "data_type": "select",
                     *           "value": "Startup"
                     *         }
                     *       },
                     *       "created_at": "2025-04-29T22:47:39.635Z",
                     *       "updated_at": "2025-04-29T22:54:48.439Z"
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        id: string;
                        /** @description As sent, or the first domain when none was */
                        name: string;
                        description: string | null;
                        /** @description Normalised (lower case, no scheme, `www.` or path); unique in the workspace */
                        domains: string[];
                        /**
                         * @description Fields holding a value, keyed by custom field id
                         * @example {
                         *       "Cf7Lp2Qx9A": {
                         *         "name": "House",
                         *         "data_type": "text",
                         *         "value": "Atreides"
                         *       }
                         *     }
                         */
                        custom_fields: {
                            [key: string]: {
                                name: string;
                                /** @enum {unknown} */
                                data_type: "text" | "textarea" | "url" | "number" | "date" | "datetime" | "select" | "user" | "contact";
                                /** @description A scalar, or an array for multi-value fields */
                                value: unknown;
                            };
                        };
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Malformed request (unreadable JSON, bad encoding) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported Content-Type on a write (send application/json, in UTF-8) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation failed; `details` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    removeOrganizationDomains: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "domains": [
                 *         "relate.kr"
                 *       ]
                 *     }
                 */
                "application/json": {
                    domains: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "Or2Gx5Hn7C",
                     *       "name": "Relate",
                     *       "description": "Sales CRM",
                     *       "domains": [
                     *         "relate.so",
                     *         "relate.kr"
                     *       ],
                     *       "custom_fields": {
                     *         "Cf7Lp2Qx9A": {
                     *           "name": "Category",
                     *           "data_type": "select",
                     *           "value": "Startup"
                     *         }
                     *       },
                     *       "created_at": "2025-04-29T22:47:39.635Z",
                     *       "updated_at": "2025-04-29T22:54:48.439Z"
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        id: string;
                        /** @description As sent, or the first domain when none was */
                        name: string;
                        description: string | null;
                        /** @description Normalised (lower case, no scheme, `www.` or path); unique in the workspace */
                        domains: string[];
                        /**
                         * @description Fields holding a value, keyed by custom field id
                         * @example {
                         *       "Cf7Lp2Qx9A": {
                         *         "name": "House",
                         *         "data_type": "text",
                         *         "value": "Atreides"
                         *       }
                         *     }
                         */
                        custom_fields: {
                            [key: string]: {
                                name: string;
                                /** @enum {unknown} */
                                data_type: "text" | "textarea" | "url" | "number" | "date" | "datetime" | "select" | "user" | "contact";
                                /** @description A scalar, or an array for multi-value fields */
                                value: unknown;
                            };
                        };
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Malformed request (unreadable JSON, bad encoding) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported Content-Type on a write (send application/json, in UTF-8) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation failed; `details` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listOrganizationContacts: {
        parameters: {
            query?: {
                /** @description Page size; default 25, at most 100 (larger values are served as 100) */
                first?: number;
                /** @description Offset: pass the previous page's `end_cursor` */
                after?: number;
                /** @description Only records updated after this Unix time (seconds) */
                updated_after?: number;
                /** @description Only the contact with exactly this address (any case) */
                email?: string;
                /** @description Only contacts with this number, in any written form */
                phone_number?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "Ct4Rz8Wk1B",
                     *           "first_name": "Paul",
                     *           "last_name": "Atreides",
                     *           "name": "Paul Atreides",
                     *           "title": "Duke",
                     *           "emails": [
                     *             "paul@atreid.es"
                     *           ],
                     *           "phone_numbers": [
                     *             "010-1234-5678"
                     *           ],
                     *           "organization_id": "Or2Gx5Hn7C",
                     *           "custom_fields": {
                     *             "Cf7Lp2Qx9A": {
                     *               "name": "House",
                     *               "data_type": "text",
                     *               "value": "Atreides"
                     *             }
                     *           },
                     *           "created_at": "2025-04-29T22:47:39.635Z",
                     *           "updated_at": "2025-04-29T22:54:48.439Z"
                     *         }
                     *       ],
                     *       "pagination": {
                     *         "end_cursor": 1,
                     *         "has_next_page": false,
                     *         "total_count": 1
                     *       }
                     *     }
                     */
                    "application/json": {
                        data: {
                            /**
                             * @description Short alphanumeric id
                             * @example QbkUlo4xZq
                             */
                            id: string;
                            first_name: string | null;
                            last_name: string | null;
                            /** @description Display name: as sent, or first and last name joined */
                            name: string | null;
                            title: string | null;
                            /** @description As written; unique in the workspace, any case */
                            emails: string[];
                            /** @description As written; looked up in normalised form */
                            phone_numbers: string[];
                            /** @description Short alphanumeric id */
                            organization_id: string | null;
                            /**
                             * @description Fields holding a value, keyed by custom field id
                             * @example {
                             *       "Cf7Lp2Qx9A": {
                             *         "name": "House",
                             *         "data_type": "text",
                             *         "value": "Atreides"
                             *       }
                             *     }
                             */
                            custom_fields: {
                                [key: string]: {
                                    name: string;
                                    /** @enum {unknown} */
                                    data_type: "text" | "textarea" | "url" | "number" | "date" | "datetime" | "select" | "user" | "contact";
                                    /** @description A scalar, or an array for multi-value fields */
                                    value: unknown;
                                };
                            };
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC, milliseconds
                             * @example 2025-04-29T22:47:39.635Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC, milliseconds
                             * @example 2025-04-29T22:47:39.635Z
                             */
                            updated_at: string;
                        }[];
                        pagination: {
                            /** @description `after` + the number of items on this page: pass it as the next `after` */
                            end_cursor: number;
                            has_next_page: boolean;
                            /** @description Items matching the query, over all pages */
                            total_count: number;
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation failed; `details` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listCustomFields: {
        parameters: {
            query?: {
                /** @description Page size; default 25, at most 100 (larger values are served as 100) */
                first?: number;
                /** @description Offset: pass the previous page's `end_cursor` */
                after?: number;
                /** @description Only records updated after this Unix time (seconds) */
                updated_after?: number;
                /** @description What the field belongs to; `deal` fields are definitions only for now */
                model?: "organization" | "contact" | "deal";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "Cf7Lp2Qx9A",
                     *           "name": "Investor type",
                     *           "model": "organization",
                     *           "data_type": "select",
                     *           "options": [
                     *             "Angel",
                     *             "VC",
                     *             "Accelerator",
                     *             "CVC"
                     *           ],
                     *           "accepts_multiple_values": false,
                     *           "created_at": "2025-04-29T22:47:39.635Z",
                     *           "updated_at": "2025-04-29T22:47:39.635Z"
                     *         }
                     *       ],
                     *       "pagination": {
                     *         "end_cursor": 1,
                     *         "has_next_page": false,
                     *         "total_count": 1
                     *       }
                     *     }
                     */
                    "application/json": {
                        data: {
                            /**
                             * @description Short alphanumeric id
                             * @example QbkUlo4xZq
                             */
                            id: string;
                            /** @description Unique per model, whatever the case */
                            name: string;
                            /**
                             * @description What the field belongs to; `deal` fields are definitions only for now
                             * @enum {unknown}
                             */
                            model: "organization" | "contact" | "deal";
                            /** @enum {unknown} */
                            data_type: "text" | "textarea" | "url" | "number" | "date" | "datetime" | "select" | "user" | "contact";
                            /** @description The options of a select field, else null */
                            options: string[] | null;
                            accepts_multiple_values: boolean;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC, milliseconds
                             * @example 2025-04-29T22:47:39.635Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC, milliseconds
                             * @example 2025-04-29T22:47:39.635Z
                             */
                            updated_at: string;
                        }[];
                        pagination: {
                            /** @description `after` + the number of items on this page: pass it as the next `after` */
                            end_cursor: number;
                            has_next_page: boolean;
                            /** @description Items matching the query, over all pages */
                            total_count: number;
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation failed; `details` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createCustomField: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Investor type",
                 *       "model": "organization",
                 *       "data_type": "select",
                 *       "options": [
                 *         "Angel",
                 *         "VC"
                 *       ],
                 *       "accepts_multiple_values": false
                 *     }
                 */
                "application/json": {
                    name: string;
                    /**
                     * @description What the field belongs to; `deal` fields are definitions only for now
                     * @enum {unknown}
                     */
                    model: "organization" | "contact" | "deal";
                    /**
                     * @description Default `text`
                     * @enum {unknown}
                     */
                    data_type?: "text" | "textarea" | "url" | "number" | "date" | "datetime" | "select" | "user" | "contact";
                    /** @description Required for select */
                    options?: string[] | null;
                    /** @description Required for select, user and contact */
                    accepts_multiple_values?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "Cf7Lp2Qx9A",
                     *       "name": "Investor type",
                     *       "model": "organization",
                     *       "data_type": "select",
                     *       "options": [
                     *         "Angel",
                     *         "VC",
                     *         "Accelerator",
                     *         "CVC"
                     *       ],
                     *       "accepts_multiple_values": false,
                     *       "created_at": "2025-04-29T22:47:39.635Z",
                     *       "updated_at": "2025-04-29T22:47:39.635Z"
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        id: string;
                        /** @description Unique per model, whatever the case */
                        name: string;
                        /**
                         * @description What the field belongs to; `deal` fields are definitions only for now
                         * @enum {unknown}
                         */
                        model: "organization" | "contact" | "deal";
                        /** @enum {unknown} */
                        data_type: "text" | "textarea" | "url" | "number" | "date" | "datetime" | "select" | "user" | "contact";
                        /** @description The options of a select field, else null */
                        options: string[] | null;
                        accepts_multiple_values: boolean;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Malformed request (unreadable JSON, bad encoding) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported Content-Type on a write (send application/json, in UTF-8) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation failed; `details` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getCustomField: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "Cf7Lp2Qx9A",
                     *       "name": "Investor type",
                     *       "model": "organization",
                     *       "data_type": "select",
                     *       "options": [
                     *         "Angel",
                     *         "VC",
                     *         "Accelerator",
                     *         "CVC"
                     *       ],
                     *       "accepts_multiple_values": false,
                     *       "created_at": "2025-04-29T22:47:39.635Z",
                     *       "updated_at": "2025-04-29T22:47:39.635Z"
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        id: string;
                        /** @description Unique per model, whatever the case */
                        name: string;
                        /**
                         * @description What the field belongs to; `deal` fields are definitions only for now
                         * @enum {unknown}
                         */
                        model: "organization" | "contact" | "deal";
                        /** @enum {unknown} */
                        data_type: "text" | "textarea" | "url" | "number" | "date" | "datetime" | "select" | "user" | "contact";
                        /** @description The options of a select field, else null */
                        options: string[] | null;
                        accepts_multiple_values: boolean;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteCustomField: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateCustomField: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Investor kind",
                 *       "options": [
                 *         "Angel",
                 *         "VC",
                 *         "CVC"
                 *       ]
                 *     }
                 */
                "application/json": {
                    name?: string;
                    /** @description Replaces the options (select only); removing an option that records hold is a 422 */
                    options?: string[] | null;
                    /** @description Cannot change: accepted only with the stored value */
                    model?: string;
                    /** @description Cannot change: accepted only with the stored value */
                    data_type?: string;
                    /** @description Cannot change: accepted only with the stored value */
                    accepts_multiple_values?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "Cf7Lp2Qx9A",
                     *       "name": "Investor type",
                     *       "model": "organization",
                     *       "data_type": "select",
                     *       "options": [
                     *         "Angel",
                     *         "VC",
                     *         "Accelerator",
                     *         "CVC"
                     *       ],
                     *       "accepts_multiple_values": false,
                     *       "created_at": "2025-04-29T22:47:39.635Z",
                     *       "updated_at": "2025-04-29T22:47:39.635Z"
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        id: string;
                        /** @description Unique per model, whatever the case */
                        name: string;
                        /**
                         * @description What the field belongs to; `deal` fields are definitions only for now
                         * @enum {unknown}
                         */
                        model: "organization" | "contact" | "deal";
                        /** @enum {unknown} */
                        data_type: "text" | "textarea" | "url" | "number" | "date" | "datetime" | "select" | "user" | "contact";
                        /** @description The options of a select field, else null */
                        options: string[] | null;
                        accepts_multiple_values: boolean;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Malformed request (unreadable JSON, bad encoding) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported Content-Type on a write (send application/json, in UTF-8) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation failed; `details` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listNotes: {
        parameters: {
            query?: {
                /** @description Page size; default 25, at most 100 (larger values are served as 100) */
                first?: number;
                /** @description Offset: pass the previous page's `end_cursor` */
                after?: number;
                /** @description Only records updated after this Unix time (seconds) */
                updated_after?: number;
                /** @description Only this organization's notes (Rapport's own filter) */
                organization_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "Nt6Vb3Mq8D",
                     *           "body": "this is a note",
                     *           "organization_id": "Or2Gx5Hn7C",
                     *           "deal_id": null,
                     *           "user": {
                     *             "id": "Uq3Xb9LmT2",
                     *             "name": "Paul Atreides",
                     *             "email": "paul@atreid.es"
                     *           },
                     *           "created_at": "2025-04-29T22:47:39.635Z",
                     *           "updated_at": "2025-04-29T22:47:39.635Z"
                     *         }
                     *       ],
                     *       "pagination": {
                     *         "end_cursor": 1,
                     *         "has_next_page": false,
                     *         "total_count": 1
                     *       }
                     *     }
                     */
                    "application/json": {
                        data: {
                            /**
                             * @description Short alphanumeric id
                             * @example QbkUlo4xZq
                             */
                            id: string;
                            /** @description As written (plain text or HTML) */
                            body: string;
                            /**
                             * @description Short alphanumeric id
                             * @example QbkUlo4xZq
                             */
                            organization_id: string;
                            /** @description A process entry */
                            deal_id: string | null;
                            /**
                             * NoteAuthor
                             * @description The member owning the API key that wrote it, or null
                             */
                            user: {
                                /**
                                 * @description Short alphanumeric id
                                 * @example QbkUlo4xZq
                                 */
                                id: string;
                                name: string;
                                email: string;
                            } | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC, milliseconds
                             * @example 2025-04-29T22:47:39.635Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC, milliseconds
                             * @example 2025-04-29T22:47:39.635Z
                             */
                            updated_at: string;
                        }[];
                        pagination: {
                            /** @description `after` + the number of items on this page: pass it as the next `after` */
                            end_cursor: number;
                            has_next_page: boolean;
                            /** @description Items matching the query, over all pages */
                            total_count: number;
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation failed; `details` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createNote: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "organization_id": "Or2Gx5Hn7C",
                 *       "deal_id": "En5Kd2Pw4E",
                 *       "body": "this is a note"
                 *     }
                 */
                "application/json": {
                    organization_id: string;
                    body: string;
                    /** @description The id of an entry of a process, or null */
                    deal_id?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "Nt6Vb3Mq8D",
                     *       "body": "this is a note",
                     *       "organization_id": "Or2Gx5Hn7C",
                     *       "deal_id": null,
                     *       "user": {
                     *         "id": "Uq3Xb9LmT2",
                     *         "name": "Paul Atreides",
                     *         "email": "paul@atreid.es"
                     *       },
                     *       "created_at": "2025-04-29T22:47:39.635Z",
                     *       "updated_at": "2025-04-29T22:47:39.635Z"
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        id: string;
                        /** @description As written (plain text or HTML) */
                        body: string;
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        organization_id: string;
                        /** @description A process entry */
                        deal_id: string | null;
                        /**
                         * NoteAuthor
                         * @description The member owning the API key that wrote it, or null
                         */
                        user: {
                            /**
                             * @description Short alphanumeric id
                             * @example QbkUlo4xZq
                             */
                            id: string;
                            name: string;
                            email: string;
                        } | null;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Malformed request (unreadable JSON, bad encoding) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported Content-Type on a write (send application/json, in UTF-8) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation failed; `details` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getNote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "Nt6Vb3Mq8D",
                     *       "body": "this is a note",
                     *       "organization_id": "Or2Gx5Hn7C",
                     *       "deal_id": null,
                     *       "user": {
                     *         "id": "Uq3Xb9LmT2",
                     *         "name": "Paul Atreides",
                     *         "email": "paul@atreid.es"
                     *       },
                     *       "created_at": "2025-04-29T22:47:39.635Z",
                     *       "updated_at": "2025-04-29T22:47:39.635Z"
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        id: string;
                        /** @description As written (plain text or HTML) */
                        body: string;
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        organization_id: string;
                        /** @description A process entry */
                        deal_id: string | null;
                        /**
                         * NoteAuthor
                         * @description The member owning the API key that wrote it, or null
                         */
                        user: {
                            /**
                             * @description Short alphanumeric id
                             * @example QbkUlo4xZq
                             */
                            id: string;
                            name: string;
                            email: string;
                        } | null;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteNote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateNote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "body": "this is an edited note"
                 *     }
                 */
                "application/json": {
                    body?: string;
                    /** @description The id of an entry of a process, or null */
                    deal_id?: string | null;
                    /** @description Cannot change: accepted only with the stored value */
                    organization_id?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "Nt6Vb3Mq8D",
                     *       "body": "this is a note",
                     *       "organization_id": "Or2Gx5Hn7C",
                     *       "deal_id": null,
                     *       "user": {
                     *         "id": "Uq3Xb9LmT2",
                     *         "name": "Paul Atreides",
                     *         "email": "paul@atreid.es"
                     *       },
                     *       "created_at": "2025-04-29T22:47:39.635Z",
                     *       "updated_at": "2025-04-29T22:47:39.635Z"
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        id: string;
                        /** @description As written (plain text or HTML) */
                        body: string;
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        organization_id: string;
                        /** @description A process entry */
                        deal_id: string | null;
                        /**
                         * NoteAuthor
                         * @description The member owning the API key that wrote it, or null
                         */
                        user: {
                            /**
                             * @description Short alphanumeric id
                             * @example QbkUlo4xZq
                             */
                            id: string;
                            name: string;
                            email: string;
                        } | null;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Malformed request (unreadable JSON, bad encoding) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported Content-Type on a write (send application/json, in UTF-8) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation failed; `details` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /** @description Page size; default 25, at most 100 (larger values are served as 100) */
                first?: number;
                /** @description Offset: pass the previous page's `end_cursor` */
                after?: number;
                /** @description Only records updated after this Unix time (seconds) */
                updated_after?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "Uq3Xb9LmT2",
                     *           "name": "Paul Atreides",
                     *           "email": "paul@atreid.es",
                     *           "created_at": "2025-04-29T22:47:39.635Z",
                     *           "updated_at": "2025-04-29T22:47:39.635Z"
                     *         }
                     *       ],
                     *       "pagination": {
                     *         "end_cursor": 1,
                     *         "has_next_page": false,
                     *         "total_count": 1
                     *       }
                     *     }
                     */
                    "application/json": {
                        data: {
                            /**
                             * @description Short alphanumeric id
                             * @example QbkUlo4xZq
                             */
                            id: string;
                            name: string;
                            /** @description As written when the member was added; matched case-insensitively */
                            email: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC, milliseconds
                             * @example 2025-04-29T22:47:39.635Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC, milliseconds
                             * @example 2025-04-29T22:47:39.635Z
                             */
                            updated_at: string;
                        }[];
                        pagination: {
                            /** @description `after` + the number of items on this page: pass it as the next `after` */
                            end_cursor: number;
                            has_next_page: boolean;
                            /** @description Items matching the query, over all pages */
                            total_count: number;
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation failed; `details` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Paul Atreides",
                 *       "email": "paul@atreid.es"
                 *     }
                 */
                "application/json": {
                    name: string;
                    /** @description Unique in the workspace, any case */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "Uq3Xb9LmT2",
                     *       "name": "Paul Atreides",
                     *       "email": "paul@atreid.es",
                     *       "created_at": "2025-04-29T22:47:39.635Z",
                     *       "updated_at": "2025-04-29T22:47:39.635Z"
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        id: string;
                        name: string;
                        /** @description As written when the member was added; matched case-insensitively */
                        email: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Malformed request (unreadable JSON, bad encoding) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported Content-Type on a write (send application/json, in UTF-8) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation failed; `details` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "Uq3Xb9LmT2",
                     *       "name": "Paul Atreides",
                     *       "email": "paul@atreid.es",
                     *       "created_at": "2025-04-29T22:47:39.635Z",
                     *       "updated_at": "2025-04-29T22:47:39.635Z"
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        id: string;
                        name: string;
                        /** @description As written when the member was added; matched case-insensitively */
                        email: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: {
                /** @description Page size; default 25, at most 100 (larger values are served as 100) */
                first?: number;
                /** @description Offset: pass the previous page's `end_cursor` */
                after?: number;
                /** @description Only records updated after this Unix time (seconds) */
                updated_after?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "Wh4Tq8Lm2B",
                     *           "url": "https://example.com/hooks/rapport",
                     *           "events": [
                     *             "entry.*",
                     *             "contact.created"
                     *           ],
                     *           "list_id": null,
                     *           "active": true,
                     *           "description": "Sync to the data warehouse",
                     *           "disabled_reason": null,
                     *           "created_at": "2025-04-29T22:47:39.635Z",
                     *           "updated_at": "2025-04-29T22:47:39.635Z"
                     *         }
                     *       ],
                     *       "pagination": {
                     *         "end_cursor": 1,
                     *         "has_next_page": false,
                     *         "total_count": 1
                     *       }
                     *     }
                     */
                    "application/json": {
                        data: {
                            /**
                             * @description Short alphanumeric id
                             * @example QbkUlo4xZq
                             */
                            id: string;
                            url: string;
                            events: string[];
                            /** @description Only events of this list (its entries and itself), when set */
                            list_id: string | null;
                            /** @description Whether events are sent; a failing receiver turns it off */
                            active: boolean;
                            description: string | null;
                            /** @description Why deliveries turned it off (a failing receiver), or null */
                            disabled_reason: string | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC, milliseconds
                             * @example 2025-04-29T22:47:39.635Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC, milliseconds
                             * @example 2025-04-29T22:47:39.635Z
                             */
                            updated_at: string;
                        }[];
                        pagination: {
                            /** @description `after` + the number of items on this page: pass it as the next `after` */
                            end_cursor: number;
                            has_next_page: boolean;
                            /** @description Items matching the query, over all pages */
                            total_count: number;
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation failed; `details` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://example.com/hooks/rapport",
                 *       "events": [
                 *         "entry.*",
                 *         "contact.created"
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @description http or https, without user or password. Unless the server allows it, a host resolving to a loopback, private or link-local address is refused */
                    url: string;
                    /** @description Events to receive: names (`entry.created`), resource wildcards (`contact.*`) or `*` */
                    events: string[];
                    /** @description A list or process of the workspace */
                    list_id?: string | null;
                    /** @description Default true */
                    active?: boolean;
                    description?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "Wh4Tq8Lm2B",
                     *       "url": "https://example.com/hooks/rapport",
                     *       "events": [
                     *         "entry.*",
                     *         "contact.created"
                     *       ],
                     *       "list_id": null,
                     *       "active": true,
                     *       "description": "Sync to the data warehouse",
                     *       "disabled_reason": null,
                     *       "created_at": "2025-04-29T22:47:39.635Z",
                     *       "updated_at": "2025-04-29T22:47:39.635Z",
                     *       "secret": "whsec_3sWq0bXj7kPq5mYd2Lr8aNc1Tf6Gh9Jv4Ue0Bz2Ko7w"
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        id: string;
                        url: string;
                        events: string[];
                        /** @description Only events of this list (its entries and itself), when set */
                        list_id: string | null;
                        /** @description Whether events are sent; a failing receiver turns it off */
                        active: boolean;
                        description: string | null;
                        /** @description Why deliveries turned it off (a failing receiver), or null */
                        disabled_reason: string | null;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        updated_at: string;
                        /** @description The signing secret: shown only here (on create and rotation); store it to verify Rapport-Signature */
                        secret: string;
                    };
                };
            };
            /** @description Malformed request (unreadable JSON, bad encoding) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported Content-Type on a write (send application/json, in UTF-8) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation failed; `details` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "Wh4Tq8Lm2B",
                     *       "url": "https://example.com/hooks/rapport",
                     *       "events": [
                     *         "entry.*",
                     *         "contact.created"
                     *       ],
                     *       "list_id": null,
                     *       "active": true,
                     *       "description": "Sync to the data warehouse",
                     *       "disabled_reason": null,
                     *       "created_at": "2025-04-29T22:47:39.635Z",
                     *       "updated_at": "2025-04-29T22:47:39.635Z"
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        id: string;
                        url: string;
                        events: string[];
                        /** @description Only events of this list (its entries and itself), when set */
                        list_id: string | null;
                        /** @description Whether events are sent; a failing receiver turns it off */
                        active: boolean;
                        description: string | null;
                        /** @description Why deliveries turned it off (a failing receiver), or null */
                        disabled_reason: string | null;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "active": true
                 *     }
                 */
                "application/json": {
                    /** @description http or https, without user or password. Unless the server allows it, a host resolving to a loopback, private or link-local address is refused */
                    url?: string;
                    /** @description Events to receive: names (`entry.created`), resource wildcards (`contact.*`) or `*` */
                    events?: string[];
                    /** @description A list or process, or null for all */
                    list_id?: string | null;
                    /** @description true turns a subscription on again and clears disabled_reason */
                    active?: boolean;
                    description?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "Wh4Tq8Lm2B",
                     *       "url": "https://example.com/hooks/rapport",
                     *       "events": [
                     *         "entry.*",
                     *         "contact.created"
                     *       ],
                     *       "list_id": null,
                     *       "active": true,
                     *       "description": "Sync to the data warehouse",
                     *       "disabled_reason": null,
                     *       "created_at": "2025-04-29T22:47:39.635Z",
                     *       "updated_at": "2025-04-29T22:47:39.635Z"
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        id: string;
                        url: string;
                        events: string[];
                        /** @description Only events of this list (its entries and itself), when set */
                        list_id: string | null;
                        /** @description Whether events are sent; a failing receiver turns it off */
                        active: boolean;
                        description: string | null;
                        /** @description Why deliveries turned it off (a failing receiver), or null */
                        disabled_reason: string | null;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Malformed request (unreadable JSON, bad encoding) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported Content-Type on a write (send application/json, in UTF-8) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation failed; `details` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "Wh4Tq8Lm2B",
                     *       "url": "https://example.com/hooks/rapport",
                     *       "events": [
                     *         "entry.*",
                     *         "contact.created"
                     *       ],
                     *       "list_id": null,
                     *       "active": true,
                     *       "description": "Sync to the data warehouse",
                     *       "disabled_reason": null,
                     *       "created_at": "2025-04-29T22:47:39.635Z",
                     *       "updated_at": "2025-04-29T22:47:39.635Z",
                     *       "secret": "whsec_3sWq0bXj7kPq5mYd2Lr8aNc1Tf6Gh9Jv4Ue0Bz2Ko7w"
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        id: string;
                        url: string;
                        events: string[];
                        /** @description Only events of this list (its entries and itself), when set */
                        list_id: string | null;
                        /** @description Whether events are sent; a failing receiver turns it off */
                        active: boolean;
                        description: string | null;
                        /** @description Why deliveries turned it off (a failing receiver), or null */
                        disabled_reason: string | null;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        updated_at: string;
                        /** @description The signing secret: shown only here (on create and rotation); store it to verify Rapport-Signature */
                        secret: string;
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description Page size; default 25, at most 100 (larger values are served as 100) */
                first?: number;
                /** @description Offset: pass the previous page's `end_cursor` */
                after?: number;
                /** @description Only records updated after this Unix time (seconds) */
                updated_after?: number;
                /** @description pending (due, under way or waiting to be retried), delivered (a 2xx), failed (the retries were spent) */
                state?: "pending" | "delivered" | "failed";
            };
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "Dl5Rb1Xw7N",
                     *           "event_id": "Ev9Kc3Vp6S",
                     *           "event_type": "contact.updated",
                     *           "record_id": "Ct2Hn8Qz4M",
                     *           "sequence": 3,
                     *           "state": "delivered",
                     *           "attempts": 2,
                     *           "status_code": 200,
                     *           "error": null,
                     *           "duration_ms": 41,
                     *           "attempted_at": "2025-04-29T22:48:40.102Z",
                     *           "next_attempt_at": null,
                     *           "created_at": "2025-04-29T22:47:39.635Z",
                     *           "updated_at": "2025-04-29T22:48:40.143Z"
                     *         }
                     *       ],
                     *       "pagination": {
                     *         "end_cursor": 1,
                     *         "has_next_page": false,
                     *         "total_count": 1
                     *       }
                     *     }
                     */
                    "application/json": {
                        data: {
                            /**
                             * @description Short alphanumeric id
                             * @example QbkUlo4xZq
                             */
                            id: string;
                            /**
                             * @description Short alphanumeric id
                             * @example QbkUlo4xZq
                             */
                            event_id: string;
                            event_type: string;
                            /** @description The record the event is about */
                            record_id: string;
                            /** @description The event's number in its record's sequence (1, 2, ...) */
                            sequence: number;
                            /**
                             * @description pending (due, under way or waiting to be retried), delivered (a 2xx), failed (the retries were spent)
                             * @enum {unknown}
                             */
                            state: "pending" | "delivered" | "failed";
                            /** @description Attempts begun so far */
                            attempts: number;
                            /** @description HTTP status of the last attempt; null without an answer */
                            status_code: number | null;
                            /** @description Why the last attempt failed (status, timeout, refused address, ...) */
                            error: string | null;
                            /** @description How long the last attempt took */
                            duration_ms: number | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC, milliseconds
                             * @example 2025-04-29T22:47:39.635Z
                             */
                            attempted_at: string | null;
                            /**
                             * Format: date-time
                             * @description While pending: when the next attempt is due
                             * @example 2025-04-29T22:47:39.635Z
                             */
                            next_attempt_at: string | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC, milliseconds
                             * @example 2025-04-29T22:47:39.635Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601, UTC, milliseconds
                             * @example 2025-04-29T22:47:39.635Z
                             */
                            updated_at: string;
                        }[];
                        pagination: {
                            /** @description `after` + the number of items on this page: pass it as the next `after` */
                            end_cursor: number;
                            has_next_page: boolean;
                            /** @description Items matching the query, over all pages */
                            total_count: number;
                        };
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation failed; `details` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    redeliverWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                delivery_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "Dl5Rb1Xw7N",
                     *       "event_id": "Ev9Kc3Vp6S",
                     *       "event_type": "contact.updated",
                     *       "record_id": "Ct2Hn8Qz4M",
                     *       "sequence": 3,
                     *       "state": "delivered",
                     *       "attempts": 2,
                     *       "status_code": 200,
                     *       "error": null,
                     *       "duration_ms": 41,
                     *       "attempted_at": "2025-04-29T22:48:40.102Z",
                     *       "next_attempt_at": null,
                     *       "created_at": "2025-04-29T22:47:39.635Z",
                     *       "updated_at": "2025-04-29T22:48:40.143Z"
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        id: string;
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        event_id: string;
                        event_type: string;
                        /** @description The record the event is about */
                        record_id: string;
                        /** @description The event's number in its record's sequence (1, 2, ...) */
                        sequence: number;
                        /**
                         * @description pending (due, under way or waiting to be retried), delivered (a 2xx), failed (the retries were spent)
                         * @enum {unknown}
                         */
                        state: "pending" | "delivered" | "failed";
                        /** @description Attempts begun so far */
                        attempts: number;
                        /** @description HTTP status of the last attempt; null without an answer */
                        status_code: number | null;
                        /** @description Why the last attempt failed (status, timeout, refused address, ...) */
                        error: string | null;
                        /** @description How long the last attempt took */
                        duration_ms: number | null;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        attempted_at: string | null;
                        /**
                         * Format: date-time
                         * @description While pending: when the next attempt is due
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        next_attempt_at: string | null;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation failed; `details` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    pingWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Short alphanumeric id
                 * @example QbkUlo4xZq
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "Dl5Rb1Xw7N",
                     *       "event_id": "Ev9Kc3Vp6S",
                     *       "event_type": "contact.updated",
                     *       "record_id": "Ct2Hn8Qz4M",
                     *       "sequence": 3,
                     *       "state": "delivered",
                     *       "attempts": 2,
                     *       "status_code": 200,
                     *       "error": null,
                     *       "duration_ms": 41,
                     *       "attempted_at": "2025-04-29T22:48:40.102Z",
                     *       "next_attempt_at": null,
                     *       "created_at": "2025-04-29T22:47:39.635Z",
                     *       "updated_at": "2025-04-29T22:48:40.143Z"
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        id: string;
                        /**
                         * @description Short alphanumeric id
                         * @example QbkUlo4xZq
                         */
                        event_id: string;
                        event_type: string;
                        /** @description The record the event is about */
                        record_id: string;
                        /** @description The event's number in its record's sequence (1, 2, ...) */
                        sequence: number;
                        /**
                         * @description pending (due, under way or waiting to be retried), delivered (a 2xx), failed (the retries were spent)
                         * @enum {unknown}
                         */
                        state: "pending" | "delivered" | "failed";
                        /** @description Attempts begun so far */
                        attempts: number;
                        /** @description HTTP status of the last attempt; null without an answer */
                        status_code: number | null;
                        /** @description Why the last attempt failed (status, timeout, refused address, ...) */
                        error: string | null;
                        /** @description How long the last attempt took */
                        duration_ms: number | null;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        attempted_at: string | null;
                        /**
                         * Format: date-time
                         * @description While pending: when the next attempt is due
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        next_attempt_at: string | null;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601, UTC, milliseconds
                         * @example 2025-04-29T22:47:39.635Z
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unknown id (ids of other workspaces look the same) or unknown route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation failed; `details` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limit spent, or too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Database unavailable or request timed out; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
}
