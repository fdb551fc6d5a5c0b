namespace CityEServices.Archive.Features;

/// <summary>The lists only archivists and admins read (legal holds, disposals, fixity checks), a page at a time.</summary>
public static class ArchivistLists
{
    /// <summary>One page of <paramref name="ordered"/>, or the 403 for anyone else, or the 400 for a bad <c>page</c>/<c>pageSize</c>.</summary>
    public static async Task<Outcome<Page<TOut>>> PageAsync<TIn, TOut>(
        IOrderedQueryable<TIn> ordered, Func<TIn, TOut> map, string? page, string? pageSize, Caller caller, CancellationToken cancellationToken)
    {
        if (DocumentAccessRules.CanManage(caller) is { } refusal)
        {
            return refusal;
        }

        var errors = new ValidationErrors();
        var request = PageRequest.Read(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }

        return await ordered.ToPageAsync(request, map, cancellationToken);
    }
}
