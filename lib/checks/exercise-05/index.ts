/** The checks of exercise 5, in catalogue order: each lives in its own folder beside this file. */
export { EXERCISE_05_CHECKS } from "../exercise-05-least-privilege";
