using System.Globalization;

namespace ZohoCrm.Simulator.Apis;

/// <summary>Parsed <c>page</c>, <c>per_page</c> and <c>page_token</c> of a list call.</summary>
internal sealed record Paging(int Page, int PerPage, PageToken? Token)
{
    public const int MaxPerPage = 200;
    public const int DiscreteLimit = 2_000;

    public int Skip => (Page - 1) * PerPage;

    /// <summary>Parses the paging parameters; <paramref name="binding"/> is what a page token must be bound to.</summary>
    public static ApiError? TryParse(CrmContext ctx, string binding, bool allowToken, out Paging paging)
    {
        paging = new Paging(1, MaxPerPage, null);
        var pageText = ctx.Param("page");
        var perPageText = ctx.Param("per_page");
        var tokenText = ctx.Param("page_token");
        var perPage = MaxPerPage;
        if (perPageText is not null && (!int.TryParse(perPageText, NumberStyles.None, CultureInfo.InvariantCulture, out perPage) || perPage < 1 || perPage > MaxPerPage))
        {
            return ApiError.InvalidData("per_page", "the per_page value given seems to be invalid");
        }

        var page = 1;
        if (pageText is not null && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            return ApiError.InvalidData("page", "the page value given seems to be invalid");
        }

        PageToken? token = null;
        if (tokenText is not null && allowToken)
        {
            if (pageText is not null)
            {
                return new ApiError(400, "AMBIGUITY_DURING_PROCESSING", "page and page_token cannot be given together",
                    d => d.WriteString("param_name", "page_token"));
            }

            token = PageToken.Decode(tokenText);
            if (token is null)
            {
                return ApiError.InvalidData("page_token", "the page_token given seems to be invalid");
            }

            if (token.Binding != binding)
            {
                return new ApiError(400, "TOKEN_BOUND_DATA_MISMATCH", "the page_token is bound to other parameters",
                    d => d.WriteString("param_name", "page_token"));
            }

            if (ctx.Org.Now.ToUnixTimeSeconds() >= token.ExpiresUnix)
            {
                return new ApiError(400, "EXPIRED_VALUE", "the page_token has expired", d => d.WriteString("param_name", "page_token"));
            }

            if (token.Position + perPage > PageToken.MaxRecords)
            {
                return new ApiError(400, "PAGINATION_LIMIT_EXCEEDED", "records beyond 100000 cannot be fetched",
                    d => d.WriteString("param_name", "page_token"));
            }

            page = (token.Position / perPage) + 1;
        }

        paging = new Paging(page, perPage, token);
        return null;
    }
}
