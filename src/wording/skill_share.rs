//! Words for a skill that forces department heads onto two teams: the
//! teams that need it, the heads who have it, and what would avoid the
//! sharing; said beside the staffing figures (人手).

use super::Lang;

/// A skill some teams need that their leaders lack, and the department
/// heads who have it: fewer heads than teams put some on two teams, which
/// leaves one of them short whenever the leader is at neither (a Chinese
/// trial added 15 heads and the three with 维稳, 土地 and 劳动就业 still
/// sat on two teams each; nothing said why).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SkillShare {
    pub skill: String,
    /// Teams with sessions that need the skill and whose leader lacks it.
    pub teams: usize,
    /// Department heads (of a township place) who have it.
    pub heads: usize,
}

/// "；需要“维稳”而驻点领导不具备的团队有 2 个，…", one clause a skill, or
/// nothing.
pub(super) fn said(skills: &[SkillShare], lang: Lang) -> String {
    skills
        .iter()
        .map(|SkillShare { skill, teams, heads }| {
            let two = teams - heads;
            let skill = super::terms::skill(skill, lang);
            match lang {
                Lang::En => format!(
                    "; {} need '{skill}' and their leaders lack it, but only {} {} it, so {two} must sit on two teams: {two} more department head{} with '{skill}', or '{skill}' given to heads already there, would avoid it",
                    super::counted(*teams, "team", "teams"),
                    super::counted(*heads, "department head", "department heads"),
                    if *heads == 1 { "has" } else { "have" },
                    if two == 1 { "" } else { "s" }
                ),
                Lang::Zh => format!(
                    "；需要“{skill}”而驻点领导不具备的团队有{teams}个，具备“{skill}”的职能部门负责人只有{heads}名，其中{two}名要同时进两个团队：再增加{two}名具备“{skill}”的职能部门负责人，或让现有的职能部门负责人具备“{skill}”，即可避免"
                ),
            }
        })
        .collect()
}
