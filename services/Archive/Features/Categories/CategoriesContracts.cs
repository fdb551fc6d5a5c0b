namespace CityEServices.Archive.Features.Categories;

public sealed record CategoryResponse(string Code, string TitleFa, string TitleEn, RetentionRule Retention)
{
    public static CategoryResponse From(DocumentCategory category) =>
        new(category.Code, category.TitleFa, category.TitleEn, category.Retention);
}
