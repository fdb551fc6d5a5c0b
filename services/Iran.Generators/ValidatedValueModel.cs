namespace CityEServices.Iran.Generators;

/// <summary>What the generator needs to know of one value type; a record so incremental runs can compare it.</summary>
internal sealed record ValidatedValueModel(
    string Namespace,
    string TypeName,
    bool IsRecord,
    bool IsReadOnly,
    string Name,
    bool StoresText,
    bool HasTextConstructor);
