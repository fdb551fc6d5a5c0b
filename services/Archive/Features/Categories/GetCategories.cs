namespace CityEServices.Archive.Features.Categories;

/// <summary>
/// The classification scheme; its codes are part of the API. Any signed-in member of staff may read it,
/// and a client granted <c>archive.read</c> (the endpoint names the scope); it cannot fail, so it answers
/// the list itself.
/// </summary>
public sealed class GetCategories
{
    private static readonly IReadOnlyList<CategoryResponse> Scheme = [.. ClassificationScheme.Categories.Select(CategoryResponse.From)];

    public IReadOnlyList<CategoryResponse> Handle(Caller caller) => Scheme;
}
