using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;

namespace CareDesk.IntegrationTests.Platform;

/// <summary>
/// Every operation of the real host's OpenAPI document, as an admin with real ids in its route, fed bad input: empty,
/// <c>null</c> and wrong-typed bodies, wrong-typed, huge, null-item and control-character values for each field (and
/// one level into nested objects), unparsable and huge query values. No answer may be a 5xx, and every 400 must be a
/// ProblemDetails that names the field or parameter it refuses. The variants are bounded so one run takes seconds.
/// </summary>
public sealed class ApiFuzzTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    private const int HugeLength = 300_000;
    private const int ManyItems = 1_000;
    // Every field of a body is tried; of a nested object or list item, only the first few.
    private const int MaxNestedFields = 8;

    // Bodies the use cases accept, so the handler runs past its own checks and meets the bad field.
    private static readonly Dictionary<string, string> KnownGood = new()
    {
        ["POST /api/people"] = """{"name":"Fuzz Person","kind":"patient","phones":[{"number":"13900000000","type":"mobile"}],"emails":["fuzz@example.com"],"messaging":[{"platform":"wechat","id":"fuzz"}],"addresses":[{"type":"home","line1":"1 Road","city":"Beijing","country":"CN"}],"languages":["zh"]}""",
        ["PUT /api/people/{id}"] = """{"name":"Fuzz Person","kind":"patient","languages":["zh"]}""",
        ["POST /api/users"] = """{"email":"fuzz-new@test.caredesk","displayName":"Fuzz","password":"Fuzz-password-1","roles":["agent"]}""",
        ["PUT /api/users/{id}"] = """{"displayName":"Fuzz","roles":["agent"],"language":"en","timeZone":"Asia/Shanghai"}""",
        ["PUT /api/catalog/models/{id}/links"] = """{"add":[],"remove":[]}""",
        ["POST /api/service-levels/calendars"] = """{"name":"Fuzz calendar","timeZone":"Asia/Shanghai","officeHours":[{"day":"monday","opens":"09:00","closes":"17:00"}]}""",
        ["POST /api/contacts"] = """{"channel":"phone","direction":"inbound","transfers":[]}""",
        ["PUT /api/staff/{userId}/skills"] = """{"languages":["zh"],"products":[]}""",
    };

    [Fact]
    public async Task No_operation_answers_5xx_and_every_400_names_what_it_refuses()
    {
        var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);
        var ids = await ExistingIdsAsync(admin);
        var failures = new List<string>();
        var sent = 0;

        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var method = operation.Name.ToUpperInvariant();
                var key = $"{method} {path.Name}";
                var url = RealUrl(path.Name, ids);
                foreach (var (label, query, body) in Variants(document, key, operation.Value))
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), url + query);
                    if (body is not null)
                    {
                        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                    }

                    using var response = await admin.SendAsync(request);
                    sent++;
                    if (await ReasonToRefuseAsync(response) is { } reason)
                    {
                        failures.Add($"{key} [{label}]: {reason}");
                    }
                }
            }
        }

        Assert.True(sent > 500, $"only {sent} requests were sent");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} answers broke the rules:\n" + string.Join("\n", failures.OrderBy(f => f.Contains("]: 5", StringComparison.Ordinal) ? 0 : 1).Take(2000)));
    }

    private static async Task<string?> ReasonToRefuseAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var shown = text.Length > 300 ? text[..300] : text;
        if ((int)response.StatusCode >= 500)
        {
            return $"{(int)response.StatusCode} {shown}";
        }

        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            return null;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"400 without a ProblemDetails: {shown}";
        }

        var body = JsonDocument.Parse(text).RootElement;
        var named = body.TryGetProperty("errors", out var errors)
            && errors.ValueKind == JsonValueKind.Object
            && errors.EnumerateObject().Any()
            && errors.EnumerateObject().All(e => e.Name.Length > 0 && e.Name != "$" && e.Value.GetArrayLength() > 0);
        return named ? null : $"400 naming no field: {shown}";
    }

    private static IEnumerable<(string Label, string Query, string? Body)> Variants(JsonElement document, string key, JsonElement operation)
    {
        if (operation.TryGetProperty("parameters", out var parameters))
        {
            foreach (var parameter in parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query"))
            {
                var name = parameter.GetProperty("name").GetString()!;
                var schema = parameter.GetProperty("schema");
                var type = TypeOf(document, schema);
                var huge = Uri.EscapeDataString(new string('x', 4_000));
                yield return ($"query {name} huge", $"?{name}={huge}", null);
                if (type is not "string" || schema.TryGetProperty("format", out _))
                {
                    yield return ($"query {name} unparsable", $"?{name}=not-a-value", null);
                }
            }
        }

        if (!operation.TryGetProperty("requestBody", out var requestBody)
            || !requestBody.GetProperty("content").TryGetProperty("application/json", out var json))
        {
            yield break;
        }

        var bodySchema = Resolve(document, json.GetProperty("schema"));
        yield return ("empty body", "", "");
        yield return ("null body", "", "null");
        yield return ("array body", "", "[1]");
        yield return ("number body", "", "5");

        var good = KnownGood.TryGetValue(key, out var known)
            ? JsonNode.Parse(known)!.AsObject()
            : (JsonObject)Sample(document, bodySchema, 0)!;
        yield return ("good", "", good.ToJsonString());
        if (good.Count > 0)
        {
            var first = good.First();
            yield return ("duplicate key", "", $"{{\"{first.Key}\":{first.Value?.ToJsonString() ?? "null"},{good.ToJsonString()[1..]}");
        }

        foreach (var (field, badValue, label) in FieldVariants(document, bodySchema, 0))
        {
            var body = good.DeepClone().AsObject();
            Set(body, field, badValue);
            yield return ($"{string.Join('.', field)} {label}", "", body.ToJsonString());
        }
    }

    // For each field (and each field of an object or list item one level down): values no request should crash on.
    private static IEnumerable<(string[] Field, JsonNode? Value, string Label)> FieldVariants(JsonElement document, JsonElement schema, int depth)
    {
        if (!schema.TryGetProperty("properties", out var properties))
        {
            yield break;
        }

        foreach (var property in properties.EnumerateObject().Take(depth == 0 ? int.MaxValue : MaxNestedFields))
        {
            var field = new[] { property.Name };
            var propertySchema = Resolve(document, property.Value);
            var type = TypeOf(document, propertySchema);
            switch (type)
            {
                case "string":
                    yield return (field, 12345, "wrong type");
                    yield return (field, new string('x', HugeLength), "huge");
                    yield return (field, "a\u0000b\u001b", "control characters");
                    break;
                case "integer" or "number":
                    yield return (field, "not-a-number", "wrong type");
                    yield return (field, 1e300, "huge");
                    break;
                case "boolean":
                    yield return (field, "maybe", "wrong type");
                    break;
                case "array":
                    var items = Resolve(document, propertySchema.GetProperty("items"));
                    yield return (field, new JsonObject(), "wrong type");
                    yield return (field, new JsonArray((JsonNode?)null), "null item");
                    yield return (field, new JsonArray(Enumerable.Range(0, ManyItems).Select(_ => Sample(document, items, depth + 1)).ToArray()), "many items");
                    if (TypeOf(document, items) == "string")
                    {
                        yield return (field, new JsonArray(JsonValue.Create(new string('x', HugeLength))), "huge item");
                    }
                    else if (depth == 0 && TypeOf(document, items) == "object")
                    {
                        foreach (var (inner, value, label) in FieldVariants(document, items, depth + 1))
                        {
                            var item = Sample(document, items, depth + 1)!.AsObject();
                            Set(item, inner, value);
                            yield return (field, new JsonArray(item), $"[0].{string.Join('.', inner)} {label}");
                        }
                    }

                    break;
                case "object" when depth == 0:
                    yield return (field, "not-an-object", "wrong type");
                    foreach (var (inner, value, label) in FieldVariants(document, propertySchema, depth + 1))
                    {
                        yield return ([property.Name, .. inner], value, label);
                    }

                    break;
            }
        }
    }

    private static void Set(JsonObject body, string[] field, JsonNode? value)
    {
        var target = body;
        foreach (var step in field[..^1])
        {
            if (target[step] is not JsonObject next)
            {
                next = [];
                target[step] = next;
            }

            target = next;
        }

        target[field[^1]] = value?.DeepClone();
    }

    // A plausible value for a schema: enough for the request to parse, not necessarily to be accepted.
    private static JsonNode? Sample(JsonElement document, JsonElement schema, int depth)
    {
        schema = Resolve(document, schema);
        if (schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
        {
            return JsonNode.Parse(values[0].GetRawText());
        }

        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return TypeOf(document, schema) switch
        {
            "string" => format switch
            {
                "uuid" => Guid.NewGuid().ToString(),
                "date-time" => "2026-12-01T09:00:00+08:00",
                "date" => "2026-12-01",
                _ => "x",
            },
            "integer" or "number" => 1,
            "boolean" => false,
            "array" => new JsonArray(),
            "object" when depth < 3 && schema.TryGetProperty("properties", out var properties) =>
                new JsonObject(properties.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, Sample(document, p.Value, depth + 1)))),
            "object" => new JsonObject(),
            _ => null,
        };
    }

    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return Resolve(document, document.GetProperty("components").GetProperty("schemas").GetProperty(name));
        }

        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var options))
            {
                var option = options.EnumerateArray().FirstOrDefault(o => TypeOf(document, o) != "null");
                if (option.ValueKind != JsonValueKind.Undefined)
                {
                    return Resolve(document, option);
                }
            }
        }

        return schema;
    }

    private static string? TypeOf(JsonElement document, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out _) || schema.TryGetProperty("oneOf", out _) || schema.TryGetProperty("anyOf", out _))
        {
            return TypeOf(document, Resolve(document, schema));
        }

        if (!schema.TryGetProperty("type", out var type))
        {
            return schema.TryGetProperty("properties", out _) ? "object" : null;
        }

        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t is not "null" and not "string")
                ?? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t is not "null")
            : type.GetString();
    }

    // Real ids where the route names one this test can make; a random id elsewhere (the answer is then a 404).
    private static string RealUrl(string path, IReadOnlyDictionary<string, string> ids)
    {
        var url = path;
        foreach (var (pattern, id) in ids)
        {
            url = url.Replace(pattern, id, StringComparison.Ordinal);
        }

        return System.Text.RegularExpressions.Regex.Replace(url, "{[^}]+}", _ => Guid.NewGuid().ToString());
    }

    private async Task<IReadOnlyDictionary<string, string>> ExistingIdsAsync(HttpClient admin)
    {
        var person = await admin.CreatePersonAsync(PeopleTestKit.NewPerson("Fuzz Owner", PeopleTestKit.NewMobile()));
        var deviceId = await app.AddDeviceAsync(person.Id, $"FUZZ-{Guid.NewGuid():N}"[..16], null);
        var opened = await admin.PostAsJsonAsync("/api/cases", new { personId = person.Id, type = "question", subject = "Fuzz" });
        var caseId = (await opened.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var models = await (await admin.GetAsync("/api/catalog/models")).ReadAsync<JsonElement>();
        var modelId = models.EnumerateArray().First().GetProperty("id").GetString()!;
        var (_, _, user) = await app.CreateFreshUserAsync(Roles.Agent);
        return new Dictionary<string, string>
        {
            ["/api/people/{id}"] = $"/api/people/{person.Id}",
            ["{personId}"] = person.Id.ToString(),
            ["/api/cases/{id}"] = $"/api/cases/{caseId}",
            ["/api/devices/{id}"] = $"/api/devices/{deviceId}",
            ["/api/catalog/models/{id}"] = $"/api/catalog/models/{modelId}",
            ["/api/users/{id}"] = $"/api/users/{user.Id}",
            ["{userId}"] = user.Id,
        };
    }
}
