using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace DentalHub.Api;

/// <summary>What a query parameter of a list holds, for the OpenAPI document.</summary>
public enum ListParameterType
{
    Text,
    Integer,
    Date,
    DateTime,
    Uuid,
    Boolean,
}

/// <summary>A query parameter a list route reads, described for the OpenAPI document.</summary>
/// <param name="Values">The words it accepts when it takes one or several (comma-separated) of a fixed set.</param>
public sealed record ListParameter(string Name, string Description, ListParameterType Type, IReadOnlyList<string>? Values = null)
{
    public OpenApiParameter ToOpenApi() => new()
    {
        Name = Name,
        In = ParameterLocation.Query,
        Description = Description,
        // A set of words travels comma-separated (status=Scheduled,Complete): OpenAPI's form style, not exploded.
        Style = Values is null ? null : ParameterStyle.Form,
        Explode = Values is null,
        Schema = Values is null ? Scalar(Type) : new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Items = new OpenApiSchema { Type = JsonSchemaType.String, Enum = Values.Select(v => (JsonNode)JsonValue.Create(v)).ToList() },
        },
    };

    private static OpenApiSchema Scalar(ListParameterType type) => type switch
    {
        ListParameterType.Integer => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
        ListParameterType.Date => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
        ListParameterType.DateTime => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
        ListParameterType.Uuid => new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
        ListParameterType.Boolean => new OpenApiSchema { Type = JsonSchemaType.Boolean },
        ListParameterType.Text => new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
