using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace DentalHub.TestDoubles.QuickBooks;

/// <summary>
/// Intuit's own schema for a Deposit (Finance.xsd, with IntuitBaseTypes.xsd and IntuitNamesTypes.xsd, from
/// ../shared/fixtures/quickbooks-online). QuickBooks' JSON mirrors the XML elements, so a JSON body is turned into
/// the XML it stands for and validated: properties become child elements (put in the order the schema's sequence
/// wants, since JSON has no order), arrays repeated elements, and a reference <c>{"value", "name"}</c> an element whose
/// text is the value and whose other properties are attributes.
/// </summary>
public sealed class DepositSchema
{
    public const string Namespace = "http://schema.intuit.com/finance/v3";

    private readonly XmlSchemaSet schemas;
    private readonly XmlSchemaElement deposit;

    private DepositSchema(XmlSchemaSet schemas)
    {
        this.schemas = schemas;
        deposit = (XmlSchemaElement)schemas.GlobalElements[new XmlQualifiedName("Deposit", Namespace)]!;
    }

    /// <summary>The schema in <paramref name="folder"/>, or null when Finance.xsd is not there.</summary>
    public static DepositSchema? Load(string folder)
    {
        var finance = Path.Combine(folder, "Finance.xsd");
        if (!File.Exists(finance))
        {
            return null;
        }
        // Finance.xsd defines the Deposit type; IntuitRestServiceDef.xsd declares the element but also needs
        // Report.xsd, which is not published with it. A second schema of the same namespace declares only the element.
        var wrapper = $"""
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns="{Namespace}" targetNamespace="{Namespace}" elementFormDefault="qualified">
              <xs:element name="Deposit" type="Deposit"/>
            </xs:schema>
            """;
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add(Namespace, finance);
        using var reader = XmlReader.Create(new StringReader(wrapper));
        set.Add(XmlSchema.Read(reader, (_, e) => throw e.Exception)!);
        set.Compile();
        return new DepositSchema(set);
    }

    /// <summary>Every validation error of the Deposit in <paramref name="json"/>; empty when it is valid.</summary>
    public IReadOnlyList<string> Validate(JsonElement json)
    {
        var document = new XDocument(ToXml(json));
        var errors = new List<string>();
        document.Validate(schemas, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));
        return errors;
    }

    public XElement ToXml(JsonElement json) => Element(deposit.QualifiedName.Name, json, deposit.ElementSchemaType);

    private static XElement Element(string name, JsonElement value, XmlSchemaType? type)
    {
        var element = new XElement(XName.Get(name, Namespace));
        if (value.ValueKind != JsonValueKind.Object)
        {
            element.Value = Text(value);
            return element;
        }
        if (type is XmlSchemaComplexType { ContentType: XmlSchemaContentType.TextOnly })
        {
            foreach (var property in value.EnumerateObject())
            {
                if (property.Name == "value")
                {
                    element.Value = Text(property.Value);
                }
                else
                {
                    element.SetAttributeValue(property.Name, Text(property.Value));
                }
            }
            return element;
        }
        var children = type is XmlSchemaComplexType complex ? Children(complex.ContentTypeParticle) : [];
        var ordered = value.EnumerateObject()
            .OrderBy(p => children.FindIndex(c => c.QualifiedName.Name == p.Name) is var i and >= 0 ? i : int.MaxValue);
        foreach (var property in ordered)
        {
            var childType = children.FirstOrDefault(c => c.QualifiedName.Name == property.Name)?.ElementSchemaType;
            var items = property.Value.ValueKind == JsonValueKind.Array ? property.Value.EnumerateArray().ToList() : [property.Value];
            element.Add(items.Select(item => Element(property.Name, item, childType)));
        }
        return element;
    }

    /// <summary>The elements a content model allows, in schema order (after compiling, extensions include their base's).</summary>
    private static List<XmlSchemaElement> Children(XmlSchemaParticle? particle) => particle switch
    {
        XmlSchemaElement element => [element],
        XmlSchemaGroupBase group => [.. group.Items.OfType<XmlSchemaParticle>().SelectMany(Children)],
        _ => [],
    };

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };
}
