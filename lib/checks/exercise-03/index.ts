/** The checks of exercise 3, in catalogue order: each lives in its own folder beside this file. */
export { EXERCISE_03_CHECKS } from "../exercise-03-admins";
