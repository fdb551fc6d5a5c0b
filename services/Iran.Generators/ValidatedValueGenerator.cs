using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CityEServices.Iran.Generators;

/// <summary>
/// Writes the parsing surface of every <c>[ValidatedValue]</c> struct (Parse, TryParse, Validate and, for
/// text values, the canonical string), so that each value type states only its own rule in <c>Read</c>.
/// </summary>
/// <remarks>
/// A generator rather than a base type because callers write <c>NationalId.Parse(…)</c>: static members
/// inherited from an interface are not callable on the type, and structs have no base class.
/// </remarks>
[Generator]
public sealed class ValidatedValueGenerator : IIncrementalGenerator
{
    private const string AttributeName = "CityEServices.Iran.ValidatedValueAttribute";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var values = context.SyntaxProvider.ForAttributeWithMetadataName(
            AttributeName,
            static (node, _) => node is StructDeclarationSyntax or RecordDeclarationSyntax,
            static (context, _) => Describe(context));

        context.RegisterSourceOutput(values, static (output, value) =>
            output.AddSource($"{value.Namespace}.{value.TypeName}.g.cs", ValidatedValueSource.Write(value)));
    }

    private static ValidatedValueModel Describe(GeneratorAttributeSyntaxContext context)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var attribute = context.Attributes[0];
        var name = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
        var storesText = attribute.NamedArguments.Any(a => a.Key == "StoresText" && a.Value.Value is true);
        var hasTextConstructor = type.InstanceConstructors.Any(c =>
            !c.IsImplicitlyDeclared && c.Parameters.Length == 1 && c.Parameters[0].Type.SpecialType == SpecialType.System_String);

        return new ValidatedValueModel(
            type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString(),
            type.Name,
            type.IsRecord,
            type.IsReadOnly,
            name ?? type.Name,
            storesText,
            hasTextConstructor);
    }
}
